namespace EquityDashboard.Core.Metrics;

/// <summary>Concentration of funding over people in need (equity-metrics.md).</summary>
public static class Gini
{
    /// <summary>
    /// Orders the units with need &gt; 0 by USD per person in need ascending and returns
    /// <c>1 - Σ (X_k - X_{k-1}) (Y_k + Y_{k-1})</c>, X the cumulative need share and Y the
    /// cumulative funding share (each unit's funding over <paramref name="totalFunding"/>).
    /// Null when there is no need or no funding.
    /// </summary>
    public static double? Compute(IEnumerable<(string Key, long Need, decimal Funding)> units, decimal totalFunding)
    {
        var withNeed = units.Where(u => u.Need > 0)
            .OrderBy(u => (double)u.Funding / u.Need)
            .ThenBy(u => u.Key, StringComparer.Ordinal)
            .ToList();
        double totalNeed = withNeed.Sum(u => (double)u.Need);
        if (totalNeed <= 0 || totalFunding <= 0) return null;

        double x = 0, y = 0, area = 0;
        foreach (var u in withNeed)
        {
            var nextX = x + u.Need / totalNeed;
            var nextY = y + (double)(u.Funding / totalFunding);
            area += (nextX - x) * (nextY + y);
            (x, y) = (nextX, nextY);
        }
        return 1 - area;
    }
}
