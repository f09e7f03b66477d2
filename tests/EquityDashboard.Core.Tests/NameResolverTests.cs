using EquityDashboard.Core.Geography;

namespace EquityDashboard.Core.Tests;

public sealed class NameResolverTests
{
    private static readonly Lazy<string> SeedText = new(LoadSeed);
    private static readonly Lazy<NameResolver> Shared = new(() => new NameResolver(
        Gazetteer.ParseCsv(SeedText.Value, File.ReadAllText(TestSupport.RepoFile("seeds", "districts.csv")))));

    private static NameResolver Resolver => Shared.Value;

    /// <summary>seeds/governorates.csv may still be being written by another helper: wait up to 60 s.</summary>
    private static string LoadSeed()
    {
        var path = TestSupport.RepoFile("seeds", "governorates.csv");
        for (var attempt = 0; ; attempt++)
        {
            if (File.Exists(path))
            {
                var text = File.ReadAllText(path);
                if (text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length >= 19) return text;
            }
            if (attempt >= 60) throw new FileNotFoundException("seeds/governorates.csv missing or incomplete", path);
            Thread.Sleep(1000);
        }
    }

    /// <summary>The seed rows read independently of Gazetteer.ParseCsv: (pcode, name, name_ar, aliases).</summary>
    private static List<(string Pcode, string Name, string NameAr, string[] Aliases)> SeedRows()
    {
        var lines = SeedText.Value.Replace("\r", string.Empty, StringComparison.Ordinal)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        int pc = Array.IndexOf(header, "pcode"), nm = Array.IndexOf(header, "name"),
            ar = Array.IndexOf(header, "name_ar"), al = Array.IndexOf(header, "aliases");
        return lines.Skip(1).Select(l => l.Split(','))
            .Select(f => (f[pc], f[nm], f[ar], f[al].Split('|', StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
    }

    [Fact]
    public void Seed_HasThe18GovernoratesWithRegionsAndPopulation()
    {
        var gazetteer = Resolver.Gazetteer;
        Assert.Equal(18, gazetteer.All.Count);
        Assert.Equal(Enumerable.Range(1, 18).Select(i => $"IQG{i:00}"), gazetteer.All.Select(g => g.Pcode));
        // Region membership as in methodology §7: KRI 3, South 9, North/Centre 5, Baghdad 1.
        Assert.Equal(3, gazetteer.InRegion(Regions.Kri).Count());
        Assert.Equal(9, gazetteer.InRegion(Regions.South).Count());
        Assert.Equal(5, gazetteer.InRegion(Regions.NorthCentre).Count());
        Assert.Equal("IQG08", Assert.Single(gazetteer.InRegion(Regions.Baghdad)).Pcode);
        Assert.All(gazetteer.All, g => Assert.True(g.Population > 0, $"{g.Pcode} has no population"));
        Assert.Equal("بغداد", gazetteer["iqg08"].NameAr);
    }

    [Fact]
    public void EveryPcodeNameArabicNameAndAlias_ResolvesToItsPcode()
    {
        var failures = new List<string>();
        foreach (var (pcode, name, nameAr, aliases) in SeedRows())
        {
            foreach (var spelling in new[] { pcode, pcode.ToLowerInvariant(), name, nameAr }.Concat(aliases))
            {
                var r = Resolver.Resolve(spelling);
                if (r.Pcode != pcode || r.Error is not null)
                    failures.Add($"'{spelling}' -> {r.Pcode ?? "null"} (expected {pcode}; error {r.Error})");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void CanonicalSpellings_AreNotViaVariant()
    {
        foreach (var (pcode, name, nameAr, _) in SeedRows())
        {
            foreach (var spelling in new[] { pcode, name, nameAr })
            {
                var r = Resolver.Resolve(spelling);
                Assert.Equal(pcode, r.Pcode);
                Assert.False(r.ViaVariant, $"'{spelling}' is canonical but came back ViaVariant");
                Assert.Null(r.Warning);
                Assert.Empty(r.Suggestions);
            }
        }
    }

    [Theory]
    [InlineData("al anbar", "IQG01")]
    [InlineData("ANBAR", "IQG01")]
    [InlineData("  Al-Anbar  ", "IQG01")]
    [InlineData("Al-Anbar Governorate", "IQG01")]
    [InlineData("Salah-al-din", "IQG16")]
    [InlineData("salahaddin", "IQG16")]
    [InlineData("SALAH AL DIN", "IQG16")]
    [InlineData("An Najaf", "IQG04")]
    [InlineData("najaf", "IQG04")]
    [InlineData("Thi Qar", "IQG17")]
    [InlineData("Dhi-Qar", "IQG17")]
    [InlineData("Dhī Qār", "IQG17")]
    [InlineData("Sulaimaniya", "IQG06")]
    [InlineData("Al Sulaymaniyah", "IQG06")]
    [InlineData("Nineveh", "IQG15")]
    [InlineData("ninewa governorate", "IQG15")]
    [InlineData("Dahuk", "IQG09")]
    [InlineData("Al Qadisiyah", "IQG05")]
    [InlineData("Wasit", "IQG18")]
    [InlineData("Al Basrah", "IQG02")]
    [InlineData("Basra", "IQG02")]
    [InlineData("Baghdad Province", "IQG08")]
    [InlineData("Karbala'", "IQG12")]
    [InlineData("iqg13", "IQG13")]
    public void LatinSpellings_IgnoreCaseSpacesHyphensAndArticles(string input, string expected)
    {
        var r = Resolver.Resolve(input);
        Assert.True(r.Success, r.Error);
        Assert.Equal(expected, r.Pcode);
        Assert.Null(r.Error);
    }

    [Theory]
    [InlineData("الأنبار", "IQG01")] // hamza on alef
    [InlineData("الانبار", "IQG01")] // plain alef (the canonical Arabic name)
    [InlineData("انبار", "IQG01")]   // without the article
    [InlineData("محافظة الأنبار", "IQG01")]
    [InlineData("أربيل", "IQG11")]
    [InlineData("اربيل", "IQG11")]
    [InlineData("ديالى", "IQG10")]  // alef maqsura
    [InlineData("ديالي", "IQG10")]  // yaa
    [InlineData("كربلاء", "IQG12")] // final hamza
    [InlineData("كربلا", "IQG12")]
    [InlineData("البصره", "IQG02")] // haa for taa marbuta
    [InlineData("سليمانية", "IQG06")]
    [InlineData("نينوي", "IQG15")]
    public void ArabicSpellings_FoldHamzaAlefAndArticle(string input, string expected)
    {
        var r = Resolver.Resolve(input);
        Assert.True(r.Success, r.Error);
        Assert.Equal(expected, r.Pcode);
    }

    [Theory]
    [InlineData("Nineveh", "IQG15")]
    [InlineData("Basra", "IQG02")]
    [InlineData("Arbil", "IQG11")]
    [InlineData("Hawler", "IQG11")]
    [InlineData("Dahuk", "IQG09")]
    [InlineData("Diwaniya", "IQG05")]
    [InlineData("Salahaddin", "IQG16")]
    [InlineData("Dhi Qar", "IQG17")]
    [InlineData("Mosul", "IQG15")]
    [InlineData("Al-Kut", "IQG18")]
    [InlineData("Babylon", "IQG07")]
    public void ListedAliases_AreViaVariant(string input, string expected)
    {
        var r = Resolver.Resolve(input);
        Assert.Equal(expected, r.Pcode);
        Assert.True(r.ViaVariant);
        Assert.Null(r.Warning);
    }

    [Theory]
    [InlineData("Al-Anbar")]
    [InlineData("al anbar")]   // folds to the canonical name
    [InlineData("Thi Qar")]    // the canonical "Thi-Qar" without its hyphen
    [InlineData("Salah-al-din")]
    [InlineData("Baghdad")]
    [InlineData("IQG08")]
    [InlineData("بغداد")]
    public void CanonicalNameInAnotherSpelling_IsNotViaVariant(string input)
    {
        var r = Resolver.Resolve(input);
        Assert.True(r.Success);
        Assert.False(r.ViaVariant);
    }

    [Theory]
    [InlineData("Halabja")]
    [InlineData("HALABJA")]
    [InlineData("Halabja Governorate")]
    [InlineData("حلبجة")]
    public void Halabja_CountsUnderSulaymaniyahWithAWarning(string input)
    {
        // A governorate in Iraqi law, a district of Al-Sulaymaniyah in the COD: the district's files say so, not the code.
        var r = Resolver.Resolve(input);
        Assert.Equal("IQG06", r.Pcode);
        Assert.Equal("IQG06Q05", r.DistrictPcode);
        Assert.Null(r.Error);
        Assert.NotNull(r.Warning);
        Assert.Contains("Al-Sulaymaniyah", r.Warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ninawaa", "Ninewa")]   // 1 edit from alias "Ninawa"
    [InlineData("Basara", "Al-Basrah")] // 1 edit from alias "Basra"
    [InlineData("Kerbalaa", "Kerbala")] // 1 edit from "Kerbala"
    [InlineData("Erbill", "Erbil")]
    [InlineData("Diyalla", "Diyala")]
    [InlineData("كركووك", "Kirkuk")]   // 1 edit from كركوك
    [InlineData("البصرا", "Al-Basrah")] // article stripped, 1 edit from بصره
    public void UnknownSpelling_FailsWithTheNearestGovernorateSuggestedFirst(string input, string expected)
    {
        var r = Resolver.Resolve(input);
        Assert.False(r.Success);
        Assert.Null(r.Pcode);
        Assert.NotNull(r.Error);
        Assert.Contains(input, r.Error, StringComparison.Ordinal);
        Assert.NotEmpty(r.Suggestions);
        Assert.Equal(expected, r.Suggestions[0]);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
        Assert.True(r.Suggestions.Count <= 3);
    }

    [Fact]
    public void UnknownSpellingFarFromEverything_HasNoSuggestions()
    {
        // "Zzzzzzzz" (8 letters, no listed spelling has a z) is at least 8 edits from every
        // spelling, more than the max(3, 8/2 = 4) allowed.
        var r = Resolver.Resolve("Zzzzzzzz");
        Assert.False(r.Success);
        Assert.NotNull(r.Error);
        Assert.Empty(r.Suggestions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_IsAnError(string? input)
    {
        var r = Resolver.Resolve(input);
        Assert.False(r.Success);
        Assert.Null(r.Pcode);
        Assert.False(string.IsNullOrWhiteSpace(r.Error));
        Assert.Empty(r.Suggestions);
    }

    [Theory]
    [InlineData("Iraq", true)]
    [InlineData("IRQ", true)]
    [InlineData("iraq ", true)]
    [InlineData("العراق", true)]
    [InlineData("Republic of Iraq", true)]
    [InlineData("Baghdad", false)]
    [InlineData("Iraqi Kurdistan", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsCountry(string? input, bool expected) => Assert.Equal(expected, NameResolver.IsCountry(input));

    [Fact]
    public void Country_IsNotResolvedToAGovernorate() => Assert.False(Resolver.Resolve("Iraq").Success);

    [Theory]
    [InlineData("kri", Regions.Kri)]
    [InlineData("Kurdistan Region", Regions.Kri)]
    [InlineData("north / centre", Regions.NorthCentre)]
    [InlineData("SOUTH", Regions.South)]
    [InlineData("baghdad", Regions.Baghdad)]
    [InlineData("Mars", null)]
    [InlineData(" ", null)]
    public void RegionCanonical(string input, string? expected) => Assert.Equal(expected, Regions.Canonical(input));
}
