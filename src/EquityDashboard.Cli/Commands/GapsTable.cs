using System.Globalization;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using Spectre.Console;

namespace EquityDashboard.Cli.Commands;

/// <summary>The people-facing rendering of an equity table.</summary>
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
            grid.AddRow(Row(g, $"{g.Name} ({g.Key})"));
        grid.AddEmptyRow();
        foreach (var r in table.Regions)
            grid.AddRow(Row(r, $"[bold]{Markup.Escape(r.Name)}[/]", escapeName: false));
        console.Write(grid);

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
        if (sources.Count > 0)
        {
            console.MarkupLine("[bold]Sources[/]");
            foreach (var b in sources)
                console.MarkupLine($"  {(b.IsIllustrative ? "[red]ILLUSTRATIVE[/] " : "")}{Markup.Escape(b.SourceName)} [grey]({Markup.Escape(b.FileName)}, batch {b.Id})[/]");
        }
        if (!table.HasAnyData)
            console.MarkupLine($"[yellow]No data for {table.Scope.Year} in this scope.[/] Load files with `import`.");
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
