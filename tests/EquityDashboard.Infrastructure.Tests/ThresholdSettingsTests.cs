using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>Flag thresholds come from settings (Equity:Thresholds), not from code.</summary>
public sealed class ThresholdSettingsTests
{
    private static readonly string[] Data =
    [
        "year,governorate,cluster,people_in_need,targeted,reached",
        "2019,Ninewa,,100000,,",
        "2019,Erbil,,100000,,",
    ];

    private static readonly string[] Funding =
    [
        "year,date,donor,recipient,cluster,governorate,amount_usd,status,boundary,source_id",
        "2019,,Donor A,,,Ninewa,600,paid,,1",
        "2019,,Donor A,,,Erbil,400,paid,,2",
    ];

    [Fact]
    public async Task Under_served_threshold_is_read_from_settings()
    {
        // Erbil: funding share 400/1,000 = 0.4, need share 0.5, equity ratio 0.8.
        await using var defaults = await TestDatabase.CreateAsync();
        await defaults.ImportOkAsync("need.csv", RecordKind.Need, Data);
        await defaults.ImportOkAsync("funding.csv", RecordKind.Funding, Funding);
        Assert.DoesNotContain(FlagCodes.UnderServed, (await defaults.TableAsync(2019)).Gov("IQG11").FlagCodes()); // 0.8 >= 0.5

        await using var strict = await TestDatabase.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["Equity:Thresholds:UnderServedRatio"] = "0.9",
        });
        await strict.ImportOkAsync("need.csv", RecordKind.Need, Data);
        await strict.ImportOkAsync("funding.csv", RecordKind.Funding, Funding);
        var erbil = (await strict.TableAsync(2019)).Gov("IQG11");
        Assert.Contains(FlagCodes.UnderServed, erbil.FlagCodes()); // 0.8 < 0.9
        Assert.Contains("below 0.9", erbil.Flags.Single(f => f.Code == FlagCodes.UnderServed).Reason, StringComparison.Ordinal);
    }
}
