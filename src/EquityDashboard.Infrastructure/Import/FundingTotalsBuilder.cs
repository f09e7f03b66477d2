using System.Globalization;
using System.Runtime.InteropServices;
using EquityDashboard.Core.Records;
using EquityDashboard.Core.Scope;
using EquityDashboard.Infrastructure.Import.Storage;

namespace EquityDashboard.Infrastructure.Import;

/// <summary>
/// Sums the flows an import writes per year, governorate, cluster, donor, status and boundary,
/// and writes those totals (FundingTotals) at the end of the batch, with the flows that name a
/// district also summed per district (FundingDistrictTotals, without cluster and donor). Keys are compared exactly
/// as written; spellings that differ only in case become separate totals, which the NOCASE
/// columns then treat as one in filters and DISTINCT, as they did for the flows.
/// </summary>
/// <remarks>
/// Each flow's key is packed into 64 bits (the texts replaced by small numbers) and appended
/// with its amount; the keys are sorted (<see cref="RadixSort"/>) and runs of equal keys summed
/// once a million flows are in, and at the end. A hash table of the 100,000+ totals of a large file, probed per
/// flow, cost a cache miss or two per flow (0.5 s per million flows against 0.03 s for the sort).
/// The district totals leave cluster and donor out, so they stay a few thousand: per cluster and
/// donor they were three times the governorate totals, per cluster 90,000 rows for the
/// benchmark's million flows, and writing them made the import 60 % slower (benchmarks/README.md,
/// "The district level"). They are summed the same way, by sorting: a hash table of their
/// 9,682 totals, probed per flow, took about 0.2 s of the 807,524 flows naming a district, the
/// sort 0.02 s.
/// </remarks>
/// <param name="maxPending">Flows held before they are sorted and summed (a million: 16 MB, and as much again for the flows naming a district).</param>
internal sealed class FundingTotalsBuilder(int maxPending = 1 << 20)
{
    private static readonly StoreShape Insert = new(typeof(FundingTotal),
        nameof(FundingTotal.BatchId), nameof(FundingTotal.Year), nameof(FundingTotal.GovernoratePcode), nameof(FundingTotal.Cluster),
        nameof(FundingTotal.Donor), nameof(FundingTotal.Status), nameof(FundingTotal.Boundary), nameof(FundingTotal.PooledFund),
        nameof(FundingTotal.AmountUsd), nameof(FundingTotal.Flows));
    private static readonly StoreShape DistrictInsert = new(typeof(FundingDistrictTotal),
        nameof(FundingDistrictTotal.BatchId), nameof(FundingDistrictTotal.Year), nameof(FundingDistrictTotal.GovernoratePcode),
        nameof(FundingDistrictTotal.DistrictPcode), nameof(FundingDistrictTotal.Status), nameof(FundingDistrictTotal.Boundary),
        nameof(FundingDistrictTotal.PooledFund), nameof(FundingDistrictTotal.AmountUsd), nameof(FundingDistrictTotal.Flows));

    private readonly SortedSums _sums = new(maxPending);
    private readonly AreaIds _areas = new(AreaBits);
    private readonly TextIds _clusters = new(ClusterBits);
    private readonly TextIds _donors = new(TextBits);
    private readonly TextIds _funds = new(FundBits);
    /// <summary>Per district key: the governorate key with the district's area, no cluster and no donor.</summary>
    private readonly SortedSums _districtSums = new(maxPending);

    private readonly record struct Total(ulong Key, double Amount, int Flows);

    // Key layout, high bits first: year since 1990 (7), area (16), status (2), boundary (2),
    // pooled fund (4), cluster (12), donor (21). An area is a governorate (the governorate
    // totals), or a district with its governorate (the district totals, donor 0): up to 65,535
    // of them in one file, whatever the gazetteer holds; the funds a file's flows come from or
    // go into are a handful; clusters a few dozen (up to 4,095); donors up to two million.
    private const int AreaBits = 16;
    private const int FundBits = 4;
    private const int ClusterBits = 12;
    private const int TextBits = 21;
    private const int ClusterShift = TextBits, FundShift = ClusterShift + ClusterBits, BoundaryShift = FundShift + FundBits,
        StatusShift = BoundaryShift + 2, AreaShift = StatusShift + 2, YearShift = AreaShift + AreaBits;

    private static ulong Pack(int sinceMinYear, int area, int status, int boundary, int fund, int cluster, int donor) =>
        (ulong)(uint)sinceMinYear << YearShift | (ulong)(uint)area << AreaShift | (ulong)(uint)status << StatusShift
        | (ulong)(uint)boundary << BoundaryShift | (ulong)(uint)fund << FundShift | (ulong)(uint)cluster << ClusterShift | (uint)donor;

    private static int YearOf(ulong key) => (int)(key >> YearShift);
    private static int AreaOf(ulong key) => (int)(key >> AreaShift) & ((1 << AreaBits) - 1);
    private static int StatusOf(ulong key) => (int)(key >> StatusShift) & 3;
    private static int BoundaryOf(ulong key) => (int)(key >> BoundaryShift) & 3;
    private static int FundOf(ulong key) => (int)(key >> FundShift) & ((1 << FundBits) - 1);
    private static int ClusterOf(ulong key) => (int)(key >> ClusterShift) & ((1 << ClusterBits) - 1);
    private static int DonorOf(ulong key) => (int)key & ((1 << TextBits) - 1);

    public void Add(int year, string? pcode, string? district, string? cluster, string donor, FundingStatus status, FlowBoundary boundary, double amount,
        string? pooledFund = null)
    {
        var sinceMin = year - YearRange.Min;
        if ((uint)sinceMin >= 1u << (64 - YearShift)) throw new ArgumentOutOfRangeException(nameof(year), year, "Year outside the range the importer accepts.");
        var fund = _funds.Id(pooledFund);
        var key = Pack(sinceMin, _areas.Id(pcode, null), (int)status, (int)boundary, fund, _clusters.Id(cluster), _donors.Id(donor));
        _sums.Add(key, amount);
        if (district is not null)
            _districtSums.Add(Pack(sinceMin, _areas.Id(pcode, district), (int)status, (int)boundary, fund, 0, 0), amount);
    }

    /// <summary>Hands the totals to the import's writer (see <see cref="Rows"/>), then starts over.</summary>
    public void Write(ImportContext context)
    {
        IRowSink? totals = null;
        foreach (var t in Rows())
        {
            totals ??= context.Rows(Insert);
            totals.Add(context.BatchId, t.Year, t.Pcode, t.Cluster, t.Donor, t.Status.ToString(), t.Boundary.ToString(), t.PooledFund, t.Amount, t.Flows);
        }
        IRowSink? districts = null;
        foreach (var t in DistrictRows())
        {
            districts ??= context.Rows(DistrictInsert);
            districts.Add(context.BatchId, t.Year, t.Pcode, t.District, t.Status.ToString(), t.Boundary.ToString(), t.PooledFund, t.Amount, t.Flows);
        }
        _sums.Clear();
        _districtSums.Clear();
    }

    /// <summary>The district totals so far, in no particular order (a few thousand rows).</summary>
    internal IEnumerable<DistrictTotalRow> DistrictRows()
    {
        foreach (var t in _districtSums.Totals())
        {
            var (pcode, district) = _areas[AreaOf(t.Key)];
            yield return new DistrictTotalRow(YearOf(t.Key) + YearRange.Min, pcode!, district!,
                (FundingStatus)StatusOf(t.Key), (FlowBoundary)BoundaryOf(t.Key), _funds[FundOf(t.Key)], t.Amount, t.Flows);
        }
    }

    /// <summary>
    /// The totals so far, in the order of the gaps index (year, governorate, status, boundary),
    /// so SQLite adds to that index and the batch index at their ends rather than all over them:
    /// writing the 132,000 totals of the benchmark took 1.0 s in hash order, 0.6 s sorted. Rows
    /// are made as they are asked for, so the inserts start while the rest are still being made.
    /// </summary>
    internal IEnumerable<TotalRow> Rows()
    {
        var totals = _sums.Totals().ToArray();
        // Sort keys: the key with the area, status and boundary numbers replaced by the rank of
        // their texts (the index compares texts), the year still first.
        var areaRank = _areas.Ranks();
        var statusRank = TextRanks<FundingStatus>();
        var boundaryRank = TextRanks<FlowBoundary>();
        var order = new ulong[totals.Length];
        for (var i = 0; i < totals.Length; i++)
        {
            var k = totals[i].Key;
            order[i] = Pack(YearOf(k), areaRank[AreaOf(k)], statusRank[StatusOf(k)], boundaryRank[BoundaryOf(k)], FundOf(k), ClusterOf(k), DonorOf(k));
        }
        RadixSort.Sort(order, totals.AsSpan());
        foreach (var t in totals)
        {
            yield return new TotalRow(YearOf(t.Key) + YearRange.Min, _areas[AreaOf(t.Key)].Pcode,
                _clusters[ClusterOf(t.Key)], _donors[DonorOf(t.Key)]!,
                (FundingStatus)StatusOf(t.Key), (FlowBoundary)BoundaryOf(t.Key), _funds[FundOf(t.Key)], t.Amount, t.Flows);
        }
    }

    /// <summary>For each value of a two-bit enum, the rank of its name in ordinal order.</summary>
    private static int[] TextRanks<T>() where T : struct, Enum
    {
        var ranks = new int[4];
        var byName = Enum.GetValues<T>().OrderBy(v => v.ToString(), StringComparer.Ordinal).ToList();
        for (var rank = 0; rank < byName.Count; rank++) ranks[Convert.ToInt32(byName[rank], CultureInfo.InvariantCulture)] = rank;
        return ranks;
    }

    internal readonly record struct DistrictTotalRow(int Year, string Pcode, string District, FundingStatus Status,
        FlowBoundary Boundary, string? PooledFund, double Amount, int Flows);

    internal readonly record struct TotalRow(int Year, string? Pcode, string? Cluster, string Donor, FundingStatus Status, FlowBoundary Boundary,
        string? PooledFund, double Amount, int Flows);

    /// <summary>
    /// Packed keys with their amounts, appended per flow and summed per distinct key: sorted, and
    /// runs of equal keys added up, once <c>maxPending</c> flows are in and when the totals are asked for.
    /// The sort is stable, so a key's amounts are added in the order of the flows.
    /// </summary>
    private sealed class SortedSums(int maxPending)
    {
        private ulong[] _keys = [];
        private double[] _amounts = [];
        private int _pending;
        private readonly List<Total> _sums = [];
        private int _sortedBatches;

        public void Add(ulong key, double amount)
        {
            if (_pending == _keys.Length)
            {
                if (_keys.Length < maxPending)
                {
                    var size = Math.Min(Math.Max(_keys.Length * 2, 4096), maxPending);
                    Array.Resize(ref _keys, size);
                    Array.Resize(ref _amounts, size);
                }
                else SumPending();
            }
            _keys[_pending] = key;
            _amounts[_pending++] = amount;
        }

        /// <summary>One total per distinct key added so far.</summary>
        public List<Total> Totals()
        {
            SumPending();
            return _sortedBatches > 1 ? Merged() : _sums;
        }

        public void Clear()
        {
            _pending = 0;
            _sums.Clear();
            _sortedBatches = 0;
        }

        /// <summary>Sorts the pending flows by key and adds one total per run of equal keys.</summary>
        private void SumPending()
        {
            if (_pending == 0) return;
            var keys = _keys.AsSpan(0, _pending);
            RadixSort.Sort(keys, _amounts.AsSpan(0, _pending));
            for (var start = 0; start < keys.Length;)
            {
                var (end, amount) = (start, 0.0);
                while (end < keys.Length && keys[end] == keys[start]) amount += _amounts[end++];
                _sums.Add(new Total(keys[start], amount, end - start));
                start = end;
            }
            _pending = 0;
            _sortedBatches++;
        }

        /// <summary>The totals of several sorted batches, with the totals of the same key added up.</summary>
        private List<Total> Merged() =>
            _sums.GroupBy(t => t.Key).Select(g => new Total(g.Key, g.Sum(t => t.Amount), g.Sum(t => t.Flows))).ToList();
    }

    /// <summary>
    /// A number for each distinct area: a governorate alone, or a district with its governorate;
    /// no area (unallocated) is 0. Each is looked up by the texts the row already holds.
    /// </summary>
    private sealed class AreaIds(int bits)
    {
        private readonly TextIds _governorates = new(bits);
        private readonly Dictionary<string, int> _districts = new(StringComparer.Ordinal);
        /// <summary>Area id -> (governorate, district); governorate-only areas share the governorate's id space.</summary>
        private readonly List<(string? Pcode, string? District)> _areas = [(null, null)];
        /// <summary>Governorate id (of <see cref="_governorates"/>) -> its area id; 0 until the governorate is seen.</summary>
        private readonly List<int> _ofGovernorate = [];

        public (string? Pcode, string? District) this[int id] => _areas[id];

        public int Id(string? pcode, string? district)
        {
            if (pcode is null) return 0;
            if (district is null)
            {
                var g = _governorates.Id(pcode);
                while (_ofGovernorate.Count <= g) _ofGovernorate.Add(0);
                if (_ofGovernorate[g] == 0) _ofGovernorate[g] = Add(pcode, null);
                return _ofGovernorate[g];
            }
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_districts, district, out var seen);
            if (!seen) id = Add(pcode, district);
            return id;
        }

        private int Add(string pcode, string? district)
        {
            if (_areas.Count >> bits != 0)
                throw new InvalidDataException($"More than {(1 << bits) - 1:N0} distinct areas in one funding file; split the file.");
            _areas.Add((pcode, district));
            return _areas.Count - 1;
        }

        /// <summary>For each id, the rank of its (governorate, district) texts in ordinal order, nulls first.</summary>
        public int[] Ranks()
        {
            var ranks = new int[_areas.Count];
            var ids = Enumerable.Range(0, _areas.Count)
                .OrderBy(id => _areas[id].Pcode, StringComparer.Ordinal).ThenBy(id => _areas[id].District, StringComparer.Ordinal).ToList();
            for (var rank = 0; rank < ids.Count; rank++) ranks[ids[rank]] = rank;
            return ranks;
        }
    }

    /// <summary>A number for each distinct text of one key column; null is 0.</summary>
    private sealed class TextIds(int bits)
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string?> _texts = [null];

        public string? this[int id] => _texts[id];

        /// <summary>For each id, the rank of its text in ordinal order (null first).</summary>
        public int[] Ranks()
        {
            var ranks = new int[_texts.Count];
            var ids = Enumerable.Range(0, _texts.Count).OrderBy(id => _texts[id], StringComparer.Ordinal).ToList();
            for (var rank = 0; rank < ids.Count; rank++) ranks[ids[rank]] = rank;
            return ranks;
        }

        public int Id(string? text)
        {
            if (text is null) return 0;
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, text, out var known);
            if (!known)
            {
                if (_texts.Count >> bits != 0)
                {
                    _ids.Remove(text);
                    throw new InvalidDataException(
                        $"More than {(1 << bits) - 1:N0} distinct values in one column of funding totals; split the file.");
                }
                id = _texts.Count;
                _texts.Add(text);
            }
            return id;
        }
    }
}
