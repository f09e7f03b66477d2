using EquityDashboard.Core.Geography;

namespace EquityDashboard.Core.Tests;

/// <summary>
/// District spellings resolve within their governorate, from the gazetteer's files (seeds/districts.csv):
/// COD names, P-codes, Arabic names and the variants real files use; anything else is reported, never guessed.
/// </summary>
public sealed class DistrictResolverTests
{
    private static readonly Lazy<NameResolver> Shared = new(() => new NameResolver(Gazetteer.ParseCsv(
        File.ReadAllText(TestSupport.RepoFile("seeds", "governorates.csv")),
        File.ReadAllText(TestSupport.RepoFile("seeds", "districts.csv")))));

    private static NameResolver Resolver => Shared.Value;

    [Fact]
    public void The_gazetteer_has_the_COD_districts_under_their_governorates()
    {
        var g = Resolver.Gazetteer;
        Assert.Equal(101, g.Districts.Count);
        Assert.Equal(9, g.DistrictsOf("IQG15").Count);
        Assert.All(g.Districts, d => Assert.True(g.TryGet(d.ParentPcode, out _), d.Pcode));
        Assert.All(g.Districts, d => Assert.StartsWith(d.ParentPcode, d.Pcode, StringComparison.Ordinal));
        Assert.Equal(g.Districts.Count, g.Districts.Select(d => d.Pcode).Distinct().Count());
    }

    [Theory]
    [InlineData("Al-Hawiga", "IQG13", "IQG13Q01")]
    [InlineData("IQG13Q01", "IQG13", "IQG13Q01")]
    [InlineData("iqg13q01", null, "IQG13Q01")]
    [InlineData("الحويجة", "IQG13", "IQG13Q01")]
    [InlineData("Hawiga District", "IQG13", "IQG13Q01")]
    [InlineData("Al-Mosul", "IQG15", "IQG15Q05")]
    [InlineData("Telafar", "IQG15", "IQG15Q08")]
    public void COD_names_codes_and_Arabic_names_resolve(string input, string? governorate, string expected)
    {
        var r = Resolver.ResolveDistrict(input, governorate);
        Assert.True(r.Success, r.Error);
        Assert.Equal(expected, r.Pcode);
        Assert.Equal(expected[..5], r.ParentPcode);
        Assert.False(r.ViaVariant);
    }

    /// <summary>The 2017 pooled-fund project tables (AdmLoc2) and the DTM master list (District) as they are written.</summary>
    [Theory]
    [InlineData("Al Falluia", "IQG01", "IQG01Q01")]
    [InlineData("Al Qa'em", "IQG01", "IQG01Q02")]
    [InlineData("Al Ka'im", "IQG01", "IQG01Q02")]
    [InlineData("Tal Afar", "IQG15", "IQG15Q08")]
    [InlineData("Al Hawiga", "IQG13", "IQG13Q01")]
    [InlineData("Akre", "IQG15", "IQG15Q01")]
    [InlineData("Baiji", "IQG16", "IQG16Q03")]
    [InlineData("Sheikhan", "IQG15", "IQG15Q06")]
    [InlineData("Al Mosul", "IQG15", "IQG15Q05")]
    [InlineData("Sumel", "IQG09", "IQG09Q03")]
    [InlineData("Ba'quba", "IQG10", "IQG10Q04")]
    [InlineData("Nassriya", "IQG17", "IQG17Q04")]
    [InlineData("Thawra1", "IQG08", "IQG08Q07")]
    [InlineData("Tilkaif", "IQG15", "IQG15Q09")]
    [InlineData("Al Hawija", "IQG13", "IQG13Q01")]  // its centre's name, as most reports write it
    [InlineData("Hawija", null, "IQG13Q01")]
    public void Real_files_variants_resolve_within_their_governorate(string input, string? governorate, string expected)
    {
        var r = Resolver.ResolveDistrict(input, governorate);
        Assert.True(r.Success, r.Error);
        Assert.Equal(expected, r.Pcode);
    }

    [Fact]
    public void A_blank_district_is_not_specified_not_an_error()
    {
        var r = Resolver.ResolveDistrict("  ", "IQG15");
        Assert.True(r.Unspecified);
        Assert.True(r.Success);
        Assert.Null(r.Pcode);
    }

    [Fact]
    public void A_district_of_another_governorate_is_refused_with_where_it_is()
    {
        var r = Resolver.ResolveDistrict("Al-Hawiga", "IQG15");
        Assert.Null(r.Pcode);
        Assert.Contains("Unknown district 'Al-Hawiga' in Ninewa", r.Error, StringComparison.Ordinal);

        var code = Resolver.ResolveDistrict("IQG13Q01", "IQG15");
        Assert.Null(code.Pcode);
        Assert.Contains("is in Kirkuk, not in Ninewa", code.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_name_is_an_error_with_suggestions_from_the_governorate()
    {
        var r = Resolver.ResolveDistrict("Sinjaar", "IQG15");
        Assert.Null(r.Pcode);
        Assert.Contains("Sinjar", r.Suggestions);
        Assert.Contains("Did you mean 'Sinjar'", r.Error, StringComparison.Ordinal);

        var nowhere = Resolver.ResolveDistrict("Atlantis", "IQG15");
        Assert.Null(nowhere.Pcode);
        Assert.Empty(nowhere.Suggestions);
    }

    [Fact]
    public void A_governorate_cell_naming_a_district_resolves_to_its_governorate_and_keeps_the_district()
    {
        var r = Resolver.Resolve("Halabja");
        Assert.Equal("IQG06", r.Pcode);
        Assert.Equal("IQG06Q05", r.DistrictPcode);
        Assert.Contains("district of Al-Sulaymaniyah", r.Warning, StringComparison.Ordinal);

        // A governorate's own name wins over a district of the same name (Al-Basrah is both).
        var basra = Resolver.Resolve("Al-Basrah");
        Assert.Equal("IQG02", basra.Pcode);
        Assert.Null(basra.DistrictPcode);
        Assert.Null(basra.Warning);
    }

    [Fact]
    public void Districts_come_from_the_files_given_not_from_code()
    {
        var gazetteer = Gazetteer.ParseCsv(
            "pcode,name,name_ar,region,tile_row,tile_col,population,aliases\nXA1,Alpha,ا,North,0,0,,\nXA2,Beta,ب,South,0,1,,\n",
            "pcode,parent_pcode,name,name_ar,aliases\nXA1D1,XA1,Gamma,ج,Gama|G1\nXA2D1,XA2,Gamma,ج,\n");
        var resolver = new NameResolver(gazetteer);
        Assert.Equal("XA1D1", resolver.ResolveDistrict("Gama", "XA1").Pcode);
        Assert.True(resolver.ResolveDistrict("Gama", "XA1").ViaVariant);
        Assert.Equal("XA2D1", resolver.ResolveDistrict("Gamma", "XA2").Pcode);
        // Two governorates have a Gamma: without the governorate it names neither.
        var ambiguous = resolver.ResolveDistrict("Gamma", null);
        Assert.Null(ambiguous.Pcode);
        Assert.Contains("several governorates", ambiguous.Error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Gazetteer.ParseCsv(
            "pcode,name,name_ar,region,tile_row,tile_col,population,aliases\nXA1,Alpha,ا,North,0,0,,\n",
            "pcode,parent_pcode,name,name_ar,aliases\nXB1D1,XB1,Delta,د,\n"));
    }
}
