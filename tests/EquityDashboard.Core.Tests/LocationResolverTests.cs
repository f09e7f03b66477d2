using EquityDashboard.Core.Geography;

namespace EquityDashboard.Core.Tests;

public sealed class LocationResolverTests
{
    private static readonly Lazy<NameResolver> Names = new(() =>
        new NameResolver(Gazetteer.ParseCsv(File.ReadAllText(TestSupport.RepoFile("seeds", "governorates.csv")),
            File.ReadAllText(TestSupport.RepoFile("seeds", "districts.csv")))));

    private static LocationResolver Resolver => new(Names.Value);

    /// <summary>The P-code each part resolves to on its own, worked out part by part with NameResolver.</summary>
    private static string Pcode(string name) => Names.Value.Resolve(name).Pcode
        ?? throw new InvalidOperationException($"'{name}' does not resolve");

    [Theory]
    [InlineData("Duhok, Erbil, As Sulaymaniyah", new[] { "Duhok", "Erbil", "As Sulaymaniyah" })]
    [InlineData("Ninewa;Al-Anbar", new[] { "Ninewa", "Al-Anbar" })]
    [InlineData("Basra|Maysan", new[] { "Basra", "Maysan" })]
    [InlineData("Erbil and Duhok", new[] { "Erbil", "Duhok" })]
    [InlineData("Erbil AND Duhok", new[] { "Erbil", "Duhok" })]
    [InlineData("Erbil،Duhok", new[] { "Erbil", "Duhok" })]
    [InlineData("اربيل، دهوك", new[] { "اربيل", "دهوك" })]
    [InlineData("Baghdad  , Al-Anbar", new[] { "Baghdad", "Al-Anbar" })]
    [InlineData("IQG09, Arbil, Sulaimaniyah", new[] { "IQG09", "Arbil", "Sulaimaniyah" })]
    [InlineData(" \tkirkuk ;\u00A0DIYALA\u00A0and  wasit ", new[] { "kirkuk", "DIYALA", "wasit" })]
    public void Each_separator_splits_and_each_part_resolves(string cell, string[] parts)
    {
        Assert.True(LocationResolver.IsList(cell));
        Assert.Equal(parts, LocationResolver.Split(cell));
        var r = Resolver.Resolve(cell);
        var expected = parts.Select(Pcode).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 1, "the case must name several governorates");
        Assert.True(r.Success, r.Error);
        Assert.Equal(expected, r.Pcodes);
        Assert.Null(r.Pcode);
        Assert.Equal(string.Join(';', expected), r.NamedPcodes);
        Assert.False(r.NamesCountry);
    }

    [Theory]
    [InlineData("Salah Al-Din")]
    [InlineData("Thi-Qar")]
    [InlineData("Karbala'")]
    [InlineData("Halabja")]
    [InlineData("Ninawah")]
    [InlineData("Andalusia")]   // "and" inside a word is not a separator
    [InlineData("Sandland")]
    public void A_single_name_resolves_exactly_as_NameResolver(string name)
    {
        Assert.False(LocationResolver.IsList(name));
        var single = Names.Value.Resolve(name);
        var r = Resolver.Resolve(name);
        Assert.False(r.IsList);
        var only = Assert.Single(r.Governorates);
        Assert.Equal((single.Input, single.Pcode, single.ViaVariant, single.Warning, single.Error),
            (only.Input, only.Pcode, only.ViaVariant, only.Warning, only.Error));
        Assert.Equal(single.Suggestions, only.Suggestions);
        Assert.Equal(single.Pcode, r.Pcode);
        Assert.Equal(single.Error, r.Error);
        Assert.Null(r.NamedPcodes);
    }

    [Theory]
    [InlineData("Erbil, Arbil, IQG11, Hawler")]
    [InlineData("Mosul; Ninewa")]
    public void Duplicates_in_one_cell_are_merged(string cell)
    {
        var r = Resolver.Resolve(cell);
        var pcode = Pcode(LocationResolver.Split(cell)[0]);
        Assert.Equal([pcode], r.Pcodes);
        Assert.Equal(pcode, r.Pcode); // one governorate: allocated to it
        Assert.Null(r.NamedPcodes);
    }

    [Theory]
    [InlineData("Iraq, Erbil")]
    [InlineData("Erbil; IRQ")]
    [InlineData("العراق، اربيل")]
    public void Country_and_a_governorate_is_unallocated_naming_the_governorate(string cell)
    {
        var r = Resolver.Resolve(cell);
        Assert.True(r.Success, r.Error);
        Assert.True(r.NamesCountry);
        Assert.Null(r.Pcode);
        Assert.Equal(Pcode("Erbil"), r.NamedPcodes);
    }

    [Fact]
    public void The_country_alone_names_no_governorate()
    {
        var r = Resolver.Resolve("Iraq; IRQ");
        Assert.True(r.NamesCountry);
        Assert.Empty(r.Pcodes);
        Assert.Null(r.Pcode);
        Assert.Null(r.NamedPcodes);
    }

    [Fact]
    public void One_unknown_part_is_an_error_naming_that_part_and_the_cell()
    {
        var r = Resolver.Resolve("Erbil, Dohuk City");
        Assert.False(r.Success);
        var unknown = Assert.Single(r.Unknown);
        Assert.Equal("Dohuk City", unknown.Input);
        Assert.Null(r.Pcode);
        Assert.Null(r.NamedPcodes);
        Assert.StartsWith("Unknown governorate 'Dohuk City' in 'Erbil, Dohuk City'.", r.Error, StringComparison.Ordinal);
        // NameResolver's own suggestions for the part are offered.
        foreach (var s in Names.Value.Resolve("Dohuk City").Suggestions) Assert.Contains($"'{s}'", r.Error!, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_unknown_part_has_its_own_message()
    {
        var r = Resolver.Resolve("Atlantis, Erbil and Narnia");
        Assert.Equal(["Atlantis", "Narnia"], r.Unknown.Select(u => u.Input));
        Assert.Equal(2, r.Errors.Count);
        Assert.Contains("'Atlantis'", r.Errors[0], StringComparison.Ordinal);
        Assert.Contains("'Narnia'", r.Errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_set_aside_by_the_caller_is_not_resolved()
    {
        var r = Resolver.Resolve("IRQ, JOR, Ninewa", p => p == "JOR");
        Assert.Equal(["JOR"], r.Elsewhere);
        Assert.True(r.NamesCountry);
        Assert.Equal([Pcode("Ninewa")], r.Pcodes);
        Assert.Null(r.Pcode); // not allocated while another place is named
        Assert.Null(r.NamedPcodes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ; ")]
    public void Nothing_named(string? cell)
    {
        var r = Resolver.Resolve(cell);
        Assert.Empty(r.Governorates);
        Assert.False(r.NamesCountry);
        Assert.Null(r.Pcode);
        Assert.True(r.Success);
    }
}
