using System.Globalization;
using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;

namespace EquityDashboard.Infrastructure.Tests;

/// <summary>
/// Property: for every governorate and scope, the governorate's figures are its districts' plus its
/// "district not specified" part, on data imported through the template kinds with a district column
/// (random rows from a fixed seed: districts by English or Arabic name, P-code, alias, other case, blank
/// or unknown; several donors, clusters, statuses, boundaries, years; two need and displacement batches).
/// Funding, need, activities, incidents and IDPs add up; organisations are counted distinct, so a
/// governorate's are the distinct organisations of the union of its parts: at least those of its
/// largest part and at most their sum (an organisation in two districts is one in the governorate).
/// Every part is also checked against the generated rows, read without the importer.
/// </summary>
public sealed class DistrictAdditivityTests
{
    private static readonly Gazetteer Geo = GazetteerSource.Default;
    private static readonly string[] Clusters = ["Health", "WASH", ""];
    private static readonly string[] Donors = ["Donor A", "Donor B", "Donor C"];
    private static readonly string[] Orgs = ["Org Alpha", "Org Bravo", "Org Charlie", "Org Delta", "Org Echo", "Org Foxtrot", "Org Golf"];
    private static readonly EquityScope[] Scopes =
    [
        new(2021), new(2021, Cluster: "Health"), new(2021, Donor: "Donor B"), new(2020), new(2021, Baseline: Baseline.Population),
    ];

    /// <summary>A generated row's place as meant: its governorate and district (null: not specified).</summary>
    private sealed record Place(string Governorate, string? District);

    private sealed record FundingRow(int Year, string Donor, string Cluster, Place? Place, decimal Usd, bool Counted);
    private sealed record NeedRow(int Batch, string Cluster, Place Place, long Pin);
    private sealed record PresenceRow(string Org, string Cluster, Place Place);
    private sealed record IncidentRow(Place Place, int Count);
    private sealed record IdpRow(int Batch, Place Place, long Idps);

    private sealed class Generated
    {
        public List<FundingRow> Funding { get; } = [];
        public List<NeedRow> Need { get; } = [];
        public List<PresenceRow> Presence { get; } = [];
        public List<IncidentRow> Incidents { get; } = [];
        public List<IdpRow> Idps { get; } = [];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Every_governorate_is_its_districts_plus_not_specified(int seed)
    {
        await using var db = await TestDatabase.CreateAsync();
        var data = await ImportRandomAsync(db, new Random(seed));
        int overlappingOrgs = 0, fundedDistricts = 0, fundedNotSpecified = 0, needByDistrict = 0;

        foreach (var scope in Scopes)
        {
            var governorates = await db.Equity.GetTableAsync(scope);
            var national = await db.Equity.GetDistrictTableAsync(scope);
            var why = $"seed {seed}, {scope.Describe()}";

            Assert.Equal(governorates.TotalFundingUsd, national.ScopeFundingUsd);
            Assert.Equal(governorates.TotalNeed, national.ScopeNeed);
            Assert.Equal(governorates.UnallocatedUsd, national.UnallocatedUsd);
            AssertMoney(governorates.TotalFundingUsd, national.TotalFundingUsd + national.NotSpecifiedFundingUsd, why);
            AssertMoney(ExpectedFunding(data, scope, scope.Year, p => p is null), governorates.UnallocatedUsd, $"{why}: unallocated");
            if (national.TotalFundingUsd > 0)
                TestSupport.Near(1, national.Districts.Sum(d => d.FundingShare!.Value), $"{why}: district funding shares");

            foreach (var g in Geo.All)
            {
                var gov = governorates.Gov(g.Pcode);
                var inside = await db.Equity.GetDistrictTableAsync(scope, g.Pcode);
                var ns = Assert.Single(inside.NotSpecified);
                var districts = inside.Districts;
                var at = $"{why}, {g.Name}";
                Assert.Equal(Geo.DistrictsOf(g.Pcode).Select(d => d.Pcode), districts.Select(d => d.Key));

                // Funding (REAL sums in SQLite: equal to the cent).
                AssertMoney(gov.FundingUsd, districts.Sum(d => d.FundingUsd) + ns.FundingUsd, $"{at}: funding");
                AssertMoney(gov.PreviousFundingUsd, districts.Sum(d => d.PreviousFundingUsd) + ns.PreviousFundingUsd, $"{at}: previous funding");
                Assert.Equal(gov.FundingUsd, ns.GovernorateFundingUsd);
                AssertMoney(ExpectedFunding(data, scope, scope.Year, p => p == new Place(g.Pcode, null)), ns.FundingUsd, $"{at}: not specified");
                foreach (var d in districts)
                    AssertMoney(ExpectedFunding(data, scope, scope.Year, p => p == new Place(g.Pcode, d.Key)), d.FundingUsd, $"{at}, {d.Name}: funding");

                // Need: reported where some part is; never a district's under the population baseline.
                Assert.Equal(gov.Need, SumReported(districts.Select(d => d.Need).Append(ns.Need)));
                Assert.Equal(gov.PeopleInNeed, SumReported(districts.Select(d => d.PeopleInNeed).Append(ns.PeopleInNeed)));
                Assert.Equal(ExpectedNeed(data, scope, new Place(g.Pcode, null)), ns.PeopleInNeed);
                foreach (var d in districts)
                {
                    Assert.Equal(ExpectedNeed(data, scope, new Place(g.Pcode, d.Key)), d.PeopleInNeed);
                    if (scope.Baseline == Baseline.Population) Assert.Null(d.Need);
                }

                // Organisations: distinct over the union, between the largest part and the parts' sum.
                var parts = districts.Select(d => d.Orgs).Append(ns.Orgs).ToList();
                Assert.Equal(ExpectedOrgs(data, scope, p => p.Governorate == g.Pcode), gov.Orgs);
                Assert.Equal(ExpectedOrgs(data, scope, p => p == new Place(g.Pcode, null)), ns.Orgs);
                foreach (var d in districts)
                    Assert.Equal(ExpectedOrgs(data, scope, p => p == new Place(g.Pcode, d.Key)), d.Orgs);
                Assert.InRange(gov.Orgs, parts.Max(), parts.Sum());
                if (gov.Orgs < parts.Sum()) overlappingOrgs++;
                fundedDistricts += districts.Count(d => d.FundingUsd > 0);
                if (ns.FundingUsd > 0) fundedNotSpecified++;
                needByDistrict += districts.Count(d => d.PeopleInNeed is not null);
                Assert.Equal(gov.Orgs, ns.GovernorateOrgs);
                // Activities name one place each, so they add up.
                Assert.Equal(gov.Activities, districts.Sum(d => d.Activities) + ns.Activities);

                // Incidents (a district shows none when its governorate's incidents name no district).
                Assert.Equal(gov.Incidents, districts.Sum(d => d.Incidents ?? 0) + ns.Incidents);
                Assert.Equal(scope.Year == 2021 ? data.Incidents.Where(i => i.Place == new Place(g.Pcode, null)).Sum(i => i.Count) : null, ns.Incidents);

                // IDPs: the newest list naming the governorate, in parts.
                Assert.Equal(gov.Idps, SumReported(districts.Select(d => d.Idps).Append(ns.Idps)));
                Assert.Equal(ExpectedIdps(data, scope, new Place(g.Pcode, null)), ns.Idps);
                foreach (var d in districts)
                    Assert.Equal(ExpectedIdps(data, scope, new Place(g.Pcode, d.Key)), d.Idps);

                // The national table has the same districts' figures; only the shares are of other totals.
                foreach (var d in districts)
                {
                    var n = national.Districts.Single(x => x.Key == d.Key);
                    Assert.Equal((d.FundingUsd, d.Need, d.Orgs, d.Activities, d.Incidents, d.Idps), (n.FundingUsd, n.Need, n.Orgs, n.Activities, n.Incidents, n.Idps));
                }
            }
        }
        // The data exercised what the property is about.
        Assert.True(overlappingOrgs > 0, "no organisation worked in two parts of a governorate");
        Assert.True(fundedDistricts > 0 && fundedNotSpecified > 0, "funding did not reach both districts and the part not specified");
        Assert.True(needByDistrict > 0, "no need by district");
    }

    private static void AssertMoney(decimal expected, decimal actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 0.01m, $"{what}: expected {expected}, got {actual}");

    private static long? SumReported(IEnumerable<long?> values)
    {
        long? sum = null;
        foreach (var v in values)
            if (v is { } n) sum = (sum ?? 0) + n;
        return sum;
    }

    private static decimal ExpectedFunding(Generated data, EquityScope scope, int year, Func<Place?, bool> where) =>
        data.Funding.Where(f => f.Counted && f.Year == year && where(f.Place)
                && (scope.Cluster is null || f.Cluster == scope.Cluster) && (scope.Donor is null || f.Donor == scope.Donor))
            .Sum(f => f.Usd);

    /// <summary>The governorate's newest need batch (of the scope's cluster), its rows at the place summed; null when none.</summary>
    private static long? ExpectedNeed(Generated data, EquityScope scope, Place place)
    {
        var cluster = scope.Cluster ?? string.Empty;
        var rows = data.Need.Where(n => n.Place.Governorate == place.Governorate && n.Cluster == cluster).ToList();
        if (scope.Year != 2021 || rows.Count == 0) return null;
        var newest = rows.Max(n => n.Batch);
        var here = rows.Where(n => n.Batch == newest && n.Place == place).ToList();
        return here.Count == 0 ? null : here.Sum(n => n.Pin);
    }

    private static int ExpectedOrgs(Generated data, EquityScope scope, Func<Place, bool> where) =>
        scope.Year != 2021 ? 0 : data.Presence.Where(p => where(p.Place) && (scope.Cluster is null || p.Cluster == scope.Cluster))
            .Select(p => p.Org).Distinct().Count();

    private static long? ExpectedIdps(Generated data, EquityScope scope, Place place)
    {
        var rows = data.Idps.Where(i => i.Place.Governorate == place.Governorate).ToList();
        if (scope.Year != 2021 || rows.Count == 0) return null;
        var newest = rows.Max(i => i.Batch);
        var here = rows.Where(i => i.Batch == newest && i.Place == place).ToList();
        return here.Count == 0 ? null : here.Sum(i => i.Idps);
    }

    /// <summary>
    /// The district cell for a row meant for <paramref name="place"/>: a spelling of its district, or for
    /// "not specified" a blank or a name that is no district of the governorate.
    /// </summary>
    private static string DistrictCell(Random random, Place place)
    {
        if (place.District is null) return random.Next(3) == 0 ? "Atlantis" : string.Empty;
        var d = Geo.Districts.Single(x => x.Pcode == place.District);
        return random.Next(6) switch
        {
            0 => d.Pcode,
            1 => d.NameAr,
            2 => d.Aliases.Count > 0 ? d.Aliases[0] : d.Name,
            3 => d.Name.ToLowerInvariant(),
            4 => d.Pcode.ToLowerInvariant(),
            _ => d.Name,
        };
    }

    private static Place RandomPlace(Random random, IReadOnlyList<Governorate> governorates)
    {
        var g = governorates[random.Next(governorates.Count)];
        var districts = Geo.DistrictsOf(g.Pcode);
        // One row in three names no district; the others a district, often the same few.
        return random.Next(3) == 0 ? new Place(g.Pcode, null) : new Place(g.Pcode, districts[random.Next(Math.Min(districts.Count, 4))].Pcode);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static async Task<Generated> ImportRandomAsync(TestDatabase db, Random random)
    {
        var data = new Generated();
        // Seven governorates, always with Kirkuk (a district named as its governorate) and Ninewa.
        var governorates = Geo.All.Where(g => g.Pcode is "IQG13" or "IQG15")
            .Concat(Geo.All.Where(g => g.Pcode is not ("IQG13" or "IQG15")).OrderBy(_ => random.Next()).Take(5))
            .ToList();
        string Cell(string pcode) => random.Next(2) == 0 ? pcode : Geo[pcode].Name;
        var inv = CultureInfo.InvariantCulture;

        var funding = new List<string> { "year,date,donor,recipient,cluster,governorate,district,amount_usd,status,boundary,source_id" };
        for (var i = 0; i < 160; i++)
        {
            var year = random.Next(2) == 0 ? 2020 : 2021;
            var donor = Pick(random, Donors);
            var cluster = Pick(random, Clusters);
            var usd = random.Next(1, 5_000_000) + random.Next(100) / 100m;
            var status = Pick(random, ["paid", "commitment", "", "pledge"]);
            var boundary = Pick(random, ["incoming", "", "", "internal", "outgoing"]);
            var counted = status != "pledge" && boundary is "incoming" or "";
            var kind = random.Next(10);
            if (kind == 0)
            {
                // Several governorates, or the country: unallocated, whatever district it names.
                var cell = random.Next(2) == 0 ? $"{Geo[governorates[0].Pcode].Name};{Geo[governorates[1].Pcode].Name}" : "Iraq";
                funding.Add(string.Join(',', year, "", donor, "", cluster, cell, random.Next(2) == 0 ? "" : "Al-Mosul", usd.ToString(inv), status, boundary, $"f{i}"));
                data.Funding.Add(new FundingRow(year, donor, cluster, null, usd, counted));
                continue;
            }
            var place = RandomPlace(random, governorates);
            funding.Add(string.Join(',', year, "", donor, "", cluster, Cell(place.Governorate), DistrictCell(random, place), usd.ToString(inv), status, boundary, $"f{i}"));
            data.Funding.Add(new FundingRow(year, donor, cluster, place, usd, counted));
        }
        await db.ImportOkAsync("funding-random.csv", RecordKind.Funding, [.. funding]);

        // Two need batches for 2021: the second for some governorates only, sometimes without districts.
        for (var batch = 1; batch <= 2; batch++)
        {
            var need = new List<string> { "year,governorate,district,cluster,people_in_need,targeted,reached" };
            var seen = new HashSet<(Place, string)>();
            var names = batch == 1 ? governorates : governorates.Where(_ => random.Next(2) == 0).ToList();
            foreach (var g in names)
            {
                var byDistrict = batch == 1 || random.Next(2) == 0;
                foreach (var cluster in new[] { "", "Health" })
                {
                    var rows = byDistrict ? random.Next(1, 6) : 1;
                    for (var r = 0; r < rows; r++)
                    {
                        var place = byDistrict ? RandomPlace(random, [g]) : new Place(g.Pcode, null);
                        if (!seen.Add((place, cluster))) continue;
                        var pin = random.Next(0, 400_000);
                        need.Add(string.Join(',', 2021, Cell(g.Pcode), place.District is null ? "" : DistrictCell(random, place), cluster, pin, "", ""));
                        data.Need.Add(new NeedRow(batch, cluster, place, pin));
                    }
                }
            }
            if (need.Count > 1) await db.ImportOkAsync($"need-random-{batch}.csv", RecordKind.Need, [.. need]);
        }

        var presence = new List<string> { "year,organisation,acronym,org_type,cluster,governorate,district,activity" };
        for (var i = 0; i < 120; i++)
        {
            var place = RandomPlace(random, governorates);
            var org = Pick(random, Orgs);
            var cluster = Pick(random, Clusters);
            presence.Add(string.Join(',', 2021, org, "", "", cluster, Cell(place.Governorate), DistrictCell(random, place), Pick(random, ["Clinics", "Water", "Cash", ""])));
            data.Presence.Add(new PresenceRow(org, cluster, place));
        }
        await db.ImportOkAsync("presence-random.csv", RecordKind.Presence, [.. presence]);

        var incidents = new List<string> { "date,governorate,district,type,count" };
        for (var i = 0; i < 40; i++)
        {
            var place = RandomPlace(random, governorates);
            var count = random.Next(1, 20);
            incidents.Add(string.Join(',', $"2021-{random.Next(1, 13):00}-{random.Next(1, 29):00}", Cell(place.Governorate), DistrictCell(random, place), $"Type {i}", count));
            data.Incidents.Add(new IncidentRow(place, count));
        }
        await db.ImportOkAsync("incidents-random.csv", RecordKind.Incidents, [.. incidents]);

        for (var batch = 1; batch <= 2; batch++)
        {
            var idps = new List<string> { "year,governorate,district,location,idps" };
            var names = batch == 1 ? governorates : governorates.Where(_ => random.Next(2) == 0).ToList();
            for (var i = 0; i < 30; i++)
            {
                var place = RandomPlace(random, names.Count > 0 ? names : governorates);
                var count = random.Next(1, 5_000);
                idps.Add(string.Join(',', 2021, Cell(place.Governorate), DistrictCell(random, place), $"Location {batch}-{i}", count));
                data.Idps.Add(new IdpRow(batch, place, count));
            }
            await db.ImportOkAsync($"idps-random-{batch}.csv", RecordKind.Displacement, [.. idps]);
        }
        return data;
    }
}
