using EquityDashboard.Infrastructure.Import.Tabular;

namespace EquityDashboard.Infrastructure.Tests.Tabular;

/// <summary>Delimiter guessing from the first lines of a file.</summary>
public sealed class DelimiterSnifferTests
{
    [Fact]
    public void CommaFile_IsComma()
    {
        string[] lines = ["governorate,cluster,amount", "Ninewa,Shelter,1500", "Anbar,WASH,250"];

        Assert.Equal(',', DelimiterSniffer.Detect(lines));
    }

    [Fact]
    public void SemicolonFile_WithQuotedCommas_IsSemicolon()
    {
        // Three commas against two semicolons per data line if quotes were ignored.
        string[] lines =
        [
            "location;people",
            "\"Ninewa, Mosul\";12",
            "\"Anbar, Ramadi, Hit\";7",
            "\"Duhok, Zakho\";3",
        ];

        Assert.Equal(';', DelimiterSniffer.Detect(lines));
    }

    [Fact]
    public void SemicolonFile_WithDecimalCommas_IsSemicolon()
    {
        // The data lines hold more commas than semicolons, but the header has none.
        string[] lines =
        [
            "governorate;amount_usd;share",
            "Ninewa;1234,5;0,25",
            "Anbar;98,75;0,5",
            "Erbil;10,0;0,125",
        ];

        Assert.Equal(';', DelimiterSniffer.Detect(lines));
    }

    [Fact]
    public void TabFile_WithCommasInText_IsTab()
    {
        string[] lines =
        [
            "governorate\tnote\tamount",
            "Ninewa\tMosul, west bank\t1500",
            "Anbar\tRamadi, Fallujah, Hit\t250",
        ];

        Assert.Equal('\t', DelimiterSniffer.Detect(lines));
    }

    [Fact]
    public void PipeFile_IsPipe()
    {
        string[] lines = ["a|b|c", "1|2|3", "4|5|6"];

        Assert.Equal('|', DelimiterSniffer.Detect(lines));
    }

    [Fact]
    public void CommaFile_WithQuotedSemicolonsAndPipes_IsComma()
    {
        string[] lines =
        [
            "name,tags,amount",
            "\"NRC\",\"shelter;wash;cccm\",10",
            "\"IOM\",\"cccm|shelter;protection;health\",20",
        ];

        Assert.Equal(',', DelimiterSniffer.Detect(lines));
    }

    [Fact]
    public void SingleColumnFile_FallsBackToComma()
    {
        string[] lines = ["governorate", "Ninewa", "Anbar"];

        Assert.Equal(',', DelimiterSniffer.Detect(lines));
    }

    [Fact]
    public void EmptyInput_FallsBackToComma()
    {
        Assert.Equal(',', DelimiterSniffer.Detect([]));
        Assert.Equal(',', DelimiterSniffer.Detect(["", "   "]));
    }

    [Fact]
    public void BlankLines_AreSkipped()
    {
        string[] lines = ["", "  ", "a;b;c", "", "1;2;3", "4;5;6"];

        Assert.Equal(';', DelimiterSniffer.Detect(lines));
    }

    [Fact]
    public void HeaderCount_DecidesBetweenCandidates()
    {
        // ';' occurs once in the header (inside an unquoted name) but never in the data; ',' is consistent.
        string[] lines = ["id,name;alias,amount", "1,NRC,10", "2,IOM,20", "3,UNHCR,30"];

        Assert.Equal(',', DelimiterSniffer.Detect(lines));
    }

    [Fact]
    public void MostConsistentCandidate_Wins()
    {
        // Both occur in every line, but only ';' keeps the header's count on every line.
        string[] lines = ["a;b,c;d", "1;2;3", "4,5;6;7,8", "9;10;11,12,13"];

        Assert.Equal(';', DelimiterSniffer.Detect(lines));
    }

    [Fact]
    public void QuotedFieldSpanningLines_IsCountedAsOneRecord()
    {
        // The header has two of each candidate. Read as one record each, the wrapped ';' records keep two
        // semicolons; split into separate lines they would give 1 + 1 and the comma fragments would let ',' win.
        string[] lines =
        [
            "a,b;c,d;e",
            "1;\"x;y",
            "z, w, v\";3",
            "2;\"p;q",
            "r, s, t\";4",
            "5;6;7",
        ];

        Assert.Equal(';', DelimiterSniffer.Detect(lines));
    }

    [Fact]
    public void EscapedQuotesInsideQuotedField_DoNotEndTheField()
    {
        // If a doubled quote ended the field, the commas after it would count and ',' would tie with ';'
        // (and win the tie by order).
        string[] lines = ["name,alias;city", "\"The \"\"Best\"\", Ltd\";Erbil", "\"Say \"\"Hi\"\", all\";Duhok"];

        Assert.Equal(';', DelimiterSniffer.Detect(lines));
    }

    [Fact]
    public void OnlyFirstTwentyNonEmptyLines_AreUsed()
    {
        // Within the first 20 lines ',' and ';' are equally consistent and ',' wins the tie by order;
        // the later lines (no commas) would make ';' the more consistent one if they were read.
        var lines = new List<string> { "a,b;c" };
        lines.AddRange(Enumerable.Repeat("1,2;3", 19));
        lines.AddRange(Enumerable.Repeat("1;2", 30));

        Assert.Equal(',', DelimiterSniffer.Detect(lines));
        Assert.Equal(';', DelimiterSniffer.Detect(lines.Take(1).Concat(lines.Skip(20)).ToList()));
    }

    [Fact]
    public void TitleLinesAboveASemicolonTable_DoNotHideTheDelimiter()
    {
        // The title has a comma and no semicolon; the table below is semicolon-separated.
        List<string> lines =
        [
            "Iraq, people in need 2021",
            "Source: HNO",
            "Governorate;Cluster;In Need",
            "Ninewa;;1200000",
            "Al-Anbar;Health;500000",
        ];
        Assert.Equal(';', DelimiterSniffer.Detect(lines));
    }

    [Fact]
    public void TitleLineAboveATabTable_IsTab()
    {
        List<string> lines = ["Iraq 3W", "Org\tCluster\tGovernorate", "IOM\tCCCM\tNinewa", "DRC\tProtection\tErbil"];
        Assert.Equal('\t', DelimiterSniffer.Detect(lines));
    }
}
