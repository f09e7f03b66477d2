using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Text;

namespace EquityDashboard.Core.Tests;

public sealed class GazetteerTests
{
    private const string Header = "pcode,name,name_ar,region,tile_row,tile_col,population,aliases";

    [Fact]
    public void ParseCsv_HandlesBomCrLfBlankPopulationAndAliases()
    {
        var csv = "\uFEFF" + Header + "\r\n"
            + "IQG02,Al-Basrah,البصرة,South,5,4,2532000, Basra | Al Basrah \r\n"
            + "IQG01,Al-Anbar,الانبار,North/Centre,2,1,,\r\n\r\n";
        var g = Gazetteer.ParseCsv(csv);
        Assert.Equal(["IQG01", "IQG02"], g.All.Select(x => x.Pcode));   // ordered by P-code
        var basrah = g["iqg02"];                                          // case-insensitive lookup
        Assert.Equal("Al-Basrah", basrah.Name);
        Assert.Equal("البصرة", basrah.NameAr);
        Assert.Equal(Regions.South, basrah.Region);
        Assert.Equal(5, basrah.TileRow);
        Assert.Equal(4, basrah.TileCol);
        Assert.Equal(2_532_000, basrah.Population);
        Assert.Equal(["Basra", "Al Basrah"], basrah.Aliases);
        var anbar = g["IQG01"];
        Assert.Null(anbar.Population);
        Assert.Empty(anbar.Aliases);
        Assert.True(g.TryGet("IQG01", out _));
        Assert.False(g.TryGet("IQG19", out _));
        Assert.Equal("IQG01", Assert.Single(g.InRegion(Regions.NorthCentre)).Pcode);
    }

    [Fact]
    public void A_lower_level_code_lies_in_the_area_whose_code_begins_it_the_longest_one_winning()
    {
        // Codes of no particular country: one governorate's code begins another's (SY01 and SY011).
        var g = Gazetteer.ParseCsv(Header + "\nSY01,One,,South,0,0,,\nSY011,Eleven,,South,0,1,,\n",
            "pcode,parent_pcode,name,name_ar,aliases\nSY01A1,SY01,One A,,\nSY0111,SY011,Eleven One,,\n");
        Assert.Equal("SY01", g.GovernorateOfCode("SY01A1"));
        Assert.Equal("SY011", g.GovernorateOfCode("sy0111x"));
        Assert.Equal("SY01A1", g.DistrictOfCode("SY01A1N03"));
        Assert.Null(g.GovernorateOfCode("SY01"));       // the governorate itself is no lower-level code
        Assert.Null(g.DistrictOfCode("SY01A2N01"));     // a district the gazetteer does not know
        Assert.Null(g.GovernorateOfCode("IQG15Q01"));
    }

    [Fact]
    public void ParseCsv_ColumnsFoundByHeaderName()
    {
        var csv = "aliases,population,tile_col,tile_row,region,name_ar,name,pcode\n"
            + "Erbil Governorate|Arbil,1612700,3,0,KRI,اربيل,Erbil,IQG11\n";
        var erbil = Assert.Single(Gazetteer.ParseCsv(csv).All);
        Assert.Equal("IQG11", erbil.Pcode);
        Assert.Equal("Erbil", erbil.Name);
        Assert.Equal(0, erbil.TileRow);
        Assert.Equal(3, erbil.TileCol);
        Assert.Equal(["Erbil Governorate", "Arbil"], erbil.Aliases);
    }

    [Fact]
    public void ParseCsv_MissingColumnOrNoRows_Throws()
    {
        Assert.Throws<FormatException>(() => Gazetteer.ParseCsv(Header + "\n"));
        Assert.Throws<FormatException>(() => Gazetteer.ParseCsv(
            "pcode,name,name_ar,region,tile_row,tile_col,aliases\nIQG01,A,ا,South,0,0,\n"));
    }

    [Theory]
    [InlineData("Al-Anbar", "alanbar")]
    [InlineData(" SALAH  al-Din ", "salahaldin")]
    [InlineData("Karbala'", "karbala")]
    [InlineData("Dhī Qār", "dhiqar")]
    [InlineData("الأنبار", "الانبار")]  // hamza above alef -> alef
    [InlineData("إربيل", "اربيل")]      // hamza below alef -> alef
    [InlineData("ديالى", "ديالي")]      // alef maqsura -> yaa
    [InlineData("البصرة", "البصره")]    // taa marbuta -> haa
    [InlineData("كربلاء", "كربلا")]     // lone hamza dropped
    [InlineData("بـغـداد", "بغداد")]    // tatweel dropped
    [InlineData("", "")]
    [InlineData(null, "")]
    public void NameKeyFold(string? input, string expected) => Assert.Equal(expected, NameKey.Fold(input));
}
