using System.Globalization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using Spectre.Console;

namespace EquityDashboard.Cli.Commands;

/// <summary>The people-facing rendering of an equity table, of governorates or of districts.</summary>
internal static class GapsTable
{
    public static void Write(IAnsiConsole console, EquityTable table, IReadOnlyList<ImportBatch> sources)
    {
        var words = BaselineWords.For(table.Scope.Baseline);
        console.Write(new Rule($"[bold]Equity table[/] {Markup.Escape(table.Scope.Describe())}").LeftJustified());

        var grid = new Table().Border(TableBorder.Rounded);
        grid.AddColumn("Governorate");
        grid.AddColumn("Region");
        foreach (var h in new[] { words.Label, "Funding", "Funding %", $"{words.ShareLabel} %", "Equity ratio", words.UsdPerPerson, "Gap to parity", "Orgs" })
            grid.AddColumn(new TableColumn(h).RightAligned());
        grid.AddColumn("Flags");

        foreach (var g in table.Governorates.OrderBy(g => g.EquityRatio ?? double.MaxValue))
            grid.AddRow(Row(g, $"{g.Name} ({g.Key}){Dagger(g)}"));
        grid.AddEmptyRow();
        foreach (var r in table.Regions)
            grid.AddRow(Row(r, $"[bold]{Markup.Escape(r.Name)}[/]{Dagger(r)}", escapeName: false));
        console.Write(grid);
        WriteIllustrative(console, table.Governorates.Concat(table.Regions), table.IllustrativeTotals);

        console.MarkupLine(Markup.Escape(
            $"Allocated funding {Money.Full(table.TotalFundingUsd)}; unallocated (several governorates or country level) {Money.Full(table.UnallocatedUsd)}; " +
            $"pledged, not counted {Money.Full(table.PledgedUsd)}; " +
            $"{words.Lower} {Money.Number(table.TotalNeed)}; {words.UsdPerPerson} {Money.PerPerson(table.UsdPerPin)}; Gini {(table.Gini is { } gi ? gi.ToString("0.00", CultureInfo.InvariantCulture) : "–")}."));
        if (table.BaselineNote is { } note)
            console.MarkupLine($"[bold]Baseline:[/] {Markup.Escape(note)}");
        if (table.Scope.RealOnly)
            console.MarkupLine("[bold]Real figures only:[/] every batch marked illustrative is left out.");
        foreach (var overlap in table.CountedThroughPooledFund)
            console.MarkupLine($"[bold]Counted through the pooled fund:[/] {Markup.Escape(overlap.Describe())}");
        foreach (var g in table.Governorates.Concat(table.Regions).Where(f => f.Flags.Count > 0))
            foreach (var flag in g.Flags)
                console.MarkupLine($"  [yellow]{Markup.Escape(flag.Code)}[/] {Markup.Escape(g.Name)}: {Markup.Escape(flag.Reason)}");
        WriteSources(console, sources);
        if (!table.HasAnyData)
            console.MarkupLine($"[yellow]No data for {table.Scope.Year} in this scope.[/] Load files with `import`.");
    }

    /// <summary>
    /// A district table: each governorate's districts (lowest equity ratio first), then its part that
    /// names no district; the table's notes, the flags and the sources below.
    /// </summary>
    public static void WriteDistricts(IAnsiConsole console, DistrictTable table, IReadOnlyList<ImportBatch> sources)
    {
        var words = BaselineWords.For(table.Scope.Baseline);
        var area = table.GovernorateName is { } name ? $"districts of {name} ({table.GovernoratePcode})" : "every district";
        console.Write(new Rule($"[bold]Equity table,[/] {Markup.Escape(area)}: {Markup.Escape(table.Scope.Describe())}").LeftJustified());

        // Inside one governorate its name is in the title; nationally each row names its governorate.
        var national = table.GovernoratePcode is null;
        var grid = new Table().Border(TableBorder.Rounded);
        grid.AddColumn("District");
        if (national) grid.AddColumn("Governorate");
        foreach (var h in new[] { words.Label, "Funding", "Funding %", "Need %", "Equity ratio", "USD per person", "Gap to parity", "IDPs", "Orgs" })
            grid.AddColumn(new TableColumn(h).RightAligned());
        grid.AddColumn("Flags");

        var districts = table.DistrictsForReading();
        foreach (var ns in table.NotSpecified)
        {
            foreach (var d in districts.Where(d => d.ParentPcode == ns.GovernoratePcode))
                grid.AddRow(Cells(national, Markup.Escape(d.Name) + Dagger(d), ns.GovernorateName, Money.Number(d.Need),
                    Money.Full(d.FundingUsd), Money.Percent(d.FundingShare), Money.Percent(d.NeedShare), Money.Ratio(d.EquityRatio),
                    Money.PerPerson(d.UsdPerPin), d.GapToParityUsd is { } gap ? Money.Full((decimal)gap) : "–", Idps(d.Idps),
                    Money.Number(d.Orgs), Markup.Escape(string.Join(", ", d.Flags.Select(x => x.Code)))));
            grid.AddRow(Cells(national, $"[italic]{NotSpecifiedLabel}[/]", ns.GovernorateName, Money.Number(ns.Need),
                Money.Full(ns.FundingUsd), "–", "–", "–", "–", "–", Idps(ns.Idps), Money.Number(ns.Orgs), string.Empty));
        }
        console.Write(grid);
        WriteIllustrative(console, table.Districts, table.IllustrativeTotals);

        console.MarkupLine(Markup.Escape(
            $"Naming a district: funding {Money.Full(table.TotalFundingUsd)}, {words.Lower} {Money.Number(table.TotalNeed)}, "
            + $"USD per person {Money.PerPerson(table.UsdPerPin)}. {NotSpecifiedLabel}: funding {Money.Full(table.NotSpecifiedFundingUsd)}, "
            + $"{words.Lower} {Money.Number(table.NotSpecifiedNeed)}."));
        foreach (var note in table.Notes)
            console.MarkupLine(Markup.Escape(note));
        if (table.Scope.RealOnly)
            console.MarkupLine("[bold]Real figures only:[/] every batch marked illustrative is left out.");
        foreach (var d in districts.Where(f => f.Flags.Count > 0))
            foreach (var flag in d.Flags)
                console.MarkupLine($"  [yellow]{Markup.Escape(flag.Code)}[/] {Markup.Escape(d.Name)}: {Markup.Escape(flag.Reason)}");
        WriteSources(console, sources);
    }

    /// <summary>A district table's row: the name, the governorate (in the national table only), then the figures.</summary>
    private static string[] Cells(bool national, string name, string governorate, params string[] figures) =>
        national ? [name, Markup.Escape(governorate), .. figures] : [name, .. figures];

    /// <summary>IDPs, "–" where no displacement list counts the area.</summary>
    private static string Idps(long? idps) => idps is null ? "–" : Money.Number(idps);

    private const string NotSpecifiedLabel = DistrictNotes.NotSpecifiedLabel;

    private static void WriteSources(IAnsiConsole console, IReadOnlyList<ImportBatch> sources)
    {
        if (sources.Count == 0) return;
        console.MarkupLine("[bold]Sources[/]");
        foreach (var b in sources)
            console.MarkupLine($"  {(b.IsIllustrative ? "[red]ILLUSTRATIVE[/] " : "")}{Markup.Escape(b.SourceName)} [grey]({Markup.Escape(b.FileName)}, batch {b.Id})[/]");
    }

    /// <summary>The mark after the name of an area with a figure resting on illustrative data.</summary>
    private static string Dagger(AreaFigures f) => f.Illustrative != FigureSet.None ? " †" : "";

    /// <summary>Under a table: what the dagger means, and which figures of each marked area rest on illustrative data.</summary>
    private static void WriteIllustrative(IAnsiConsole console, IEnumerable<AreaFigures> areas, FigureSet totals)
    {
        var marked = areas.Where(a => a.Illustrative != FigureSet.None).ToList();
        if (marked.Count == 0 && totals == FigureSet.None) return;
        console.MarkupLine("[red]†[/] rests on illustrative (invented) data; never quote it as real:");
        if (totals != FigureSet.None) console.MarkupLine($"  totals: {Markup.Escape(Provenance.Describe(totals))}");
        foreach (var a in marked)
            console.MarkupLine($"  {Markup.Escape(a.Name)}: {Markup.Escape(Provenance.Describe(a.Illustrative))}");
    }

    private static string[] Row(AreaFigures f, string name, bool escapeName = true) =>
    [
        escapeName ? Markup.Escape(name) : name,
        Markup.Escape(f.Region),
        Money.Number(f.Need),
        Money.Full(f.FundingUsd),
        Money.Percent(f.FundingShare),
        Money.Percent(f.NeedShare),
        Money.Ratio(f.EquityRatio),
        Money.PerPerson(f.UsdPerPin),
        f.GapToParityUsd is { } gap ? Money.Full((decimal)gap) : "–",
        Money.Number(f.Orgs),
        Markup.Escape(string.Join(", ", f.Flags.Select(x => x.Code))),
    ];
}
