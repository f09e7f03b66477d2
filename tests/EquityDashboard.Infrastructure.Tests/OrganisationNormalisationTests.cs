using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Records;
using Microsoft.EntityFrameworkCore;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>orgs_g and activities_g after name normalisation (equity-metrics.md, methodology §3.3).</summary>
public sealed class OrganisationNormalisationTests
{
    private const string Header = "year,organisation,acronym,org_type,cluster,governorate,district,activity";
    private const string Ninewa = "IQG15";

    [Fact]
    public async Task Link_then_acronym_only_then_odd_spacing_is_one_organisation()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ImportOkAsync("presence.csv", RecordKind.Presence,
            Header,
            "2021,Danish Refugee Council,DRC,INGO,Protection,Ninewa,Mosul,Legal aid",   // links name and acronym
            "2021,,DRC,INGO,Protection,Ninewa,Mosul,Legal aid",                         // acronym only
            "2021,danish  refugee council,,INGO,Protection,Ninewa,Mosul,legal  aid",    // name only, odd case/spaces
            "2021,Danish Refugee Council,DRC,INGO,Protection,Ninewa,Mosul,Legal aid",   // exact copy of row 2
            "2021,,DRC,INGO,CCCM,Ninewa,Mosul,Camp management");                        // another activity
        var g = (await db.TableAsync(2021)).Gov(Ninewa);
        // One organisation; activities: (DRC, Protection, Mosul, legal aid) and (DRC, CCCM, Mosul, camp management) = 2.
        Assert.Equal(1, g.Orgs);
        Assert.Equal(2, g.Activities);
    }

    [Fact]
    public async Task Acronym_only_row_before_the_link_is_rekeyed_within_the_same_file()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ImportOkAsync("presence.csv", RecordKind.Presence,
            Header,
            "2021,,DRC,,Protection,Ninewa,,",
            "2021,danish refugee council,,,Protection,Ninewa,,",
            "2021,Danish Refugee Council,DRC,,Protection,Ninewa,,");
        var g = (await db.TableAsync(2021)).Gov(Ninewa);
        // All three are DRC doing the same (Protection, Ninewa, no district, no activity): 1 org, 1 activity.
        Assert.Equal(1, g.Orgs);
        Assert.Equal(1, g.Activities);

        await using var ctx = db.NewContext();
        Assert.Single(await ctx.Presence.Select(p => p.OrganisationKey).Distinct().ToListAsync());
    }

    [Fact]
    public async Task Link_in_a_later_batch_rekeys_rows_of_the_earlier_batch()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ImportOkAsync("presence-1.csv", RecordKind.Presence,
            Header,
            "2021,,DRC,,Protection,Ninewa,,",
            "2021,Danish Refugee Council,,,Protection,Ninewa,,",
            "2021,International Rescue Committee,IRC,,Health,Erbil,,");
        // Nothing yet says DRC is the Danish Refugee Council: 2 organisations in Ninewa.
        Assert.Equal(2, (await db.TableAsync(2021)).Gov(Ninewa).Orgs);

        await db.ImportOkAsync("presence-2.csv", RecordKind.Presence,
            Header,
            "2021,Danish Refugee Council,DRC,INGO,Protection,Duhok,,");
        var t = await db.TableAsync(2021);
        // Batch 2's link merges batch 1's two rows: Ninewa 1 org, 1 activity.
        Assert.Equal(1, t.Gov(Ninewa).Orgs);
        Assert.Equal(1, t.Gov(Ninewa).Activities);
        // KRI: Erbil {IRC} + Duhok {DRC} = 2.
        Assert.Equal(2, t.Region(Regions.Kri).Orgs);
        // DRC works in Ninewa and Duhok, IRC in Erbil: 2 organisations across the country's rows.
        await using var ctx = db.NewContext();
        Assert.Equal(2, await ctx.Presence.Select(p => p.OrganisationKey).Distinct().CountAsync());

        // A third file naming the organisation only by acronym joins the same group.
        await db.ImportOkAsync("presence-3.csv", RecordKind.Presence, Header, "2021,,drc,,Protection,Duhok,,");
        Assert.Equal(1, (await db.TableAsync(2021)).Gov("IQG09").Orgs);
    }

    [Fact]
    public async Task Different_organisations_are_not_merged()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ImportOkAsync("presence.csv", RecordKind.Presence,
            Header,
            "2021,Danish Refugee Council,DRC,,Protection,Ninewa,,",
            "2021,Norwegian Refugee Council,NRC,,Protection,Ninewa,,",
            "2021,,IRC,,Protection,Ninewa,,");
        Assert.Equal(3, (await db.TableAsync(2021)).Gov(Ninewa).Orgs);
    }
}
