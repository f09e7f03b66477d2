using EquityDashboard.Core.Geography;
using EquityDashboard.Infrastructure.Data;

namespace EquityDashboard.Infrastructure.Tests.RealData;

/// <summary>
/// The HDX global P-code list (admin levels 1 and 2, OCHA-DAP/hdx-python-country fixtures), with
/// and without its HXL row, against the project's gazetteer of the 18 Iraqi governorates.
/// </summary>
public sealed class PcodeListTests
{
    private const string WithHxl = "global_pcodes_adm1_adm2_hxl.csv";
    private const string WithoutHxl = "global_pcodes_adm1_adm2_nohxl.csv";

    private sealed record PcodeRow(string Level, string Pcode, string Name, string Parent);

    /// <summary>Iraq rows of the file; the HXL row, when present, is row 2 and is checked, then dropped.</summary>
    private static List<PcodeRow> IraqRows(string fileName)
    {
        var rows = TestSupport.ReadCsv(RealDataFiles.File(fileName));
        Assert.Equal(new[] { "location", "admin level", "p-code", "name", "parent p-code", "valid from date" }, rows[0].Keys);
        if (fileName == WithHxl)
        {
            Assert.Equal("#country+code", rows[0]["location"]);
            Assert.Equal("#adm+code+parent", rows[0]["parent p-code"]);
        }
        Assert.DoesNotContain(rows.Skip(1), r => r["location"].StartsWith('#'));
        return rows.Where(r => r["location"] == "IRQ")
            .Select(r => new PcodeRow(r["admin level"], r["p-code"], r["name"], r["parent p-code"]))
            .ToList();
    }

    [RealDataTheory]
    [InlineData(WithHxl)]
    [InlineData(WithoutHxl)]
    public void Iraq_admin1_rows_are_the_18_gazetteer_pcodes(string fileName)
    {
        var admin1 = IraqRows(fileName).Where(r => r.Level == "1").ToList();
        Assert.Equal(18, admin1.Count);
        Assert.Equal(GazetteerSource.Default.All.Select(g => g.Pcode).Order(StringComparer.Ordinal),
            admin1.Select(r => r.Pcode).Order(StringComparer.Ordinal));
        Assert.All(admin1, r => Assert.Equal("IRQ", r.Parent));
    }

    [RealDataTheory]
    [InlineData(WithHxl)]
    [InlineData(WithoutHxl)]
    public void Every_iraq_admin1_name_resolves_to_its_own_pcode(string fileName)
    {
        var resolver = new NameResolver(GazetteerSource.Default);
        var wrong = IraqRows(fileName).Where(r => r.Level == "1")
            .Select(r => (Row: r, Resolution: resolver.Resolve(r.Name)))
            .Where(x => x.Resolution.Pcode != x.Row.Pcode)
            .Select(x => $"'{x.Row.Name}' ({x.Row.Pcode}) -> {x.Resolution.Pcode ?? x.Resolution.Error}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [RealDataTheory]
    [InlineData(WithHxl)]
    [InlineData(WithoutHxl)]
    public void Every_iraq_admin2_row_has_a_parent_governorate_in_the_gazetteer(string fileName)
    {
        var admin2 = IraqRows(fileName).Where(r => r.Level == "2").ToList();
        Assert.Equal(101, admin2.Count);
        var orphans = admin2.Where(r => !GazetteerSource.Default.TryGet(r.Parent, out _))
            .Select(r => $"{r.Pcode} {r.Name} (parent '{r.Parent}')").ToList();
        Assert.True(orphans.Count == 0, string.Join("; ", orphans));
        // District P-codes extend their governorate's (IQG01Q01 is in IQG01).
        Assert.All(admin2, r => Assert.StartsWith(r.Parent + "Q", r.Pcode, StringComparison.Ordinal));
        Assert.Equal(admin2.Count, admin2.Select(r => r.Pcode).Distinct().Count());
    }

    [RealDataFact]
    public void Both_variants_hold_the_same_iraq_rows()
    {
        Assert.Equal(IraqRows(WithHxl), IraqRows(WithoutHxl));
    }
}
