using EquityDashboard.Core.Records;

namespace EquityDashboard.Infrastructure.Queries;

/// <summary>
/// Which batches the figures count, in one place: never a withdrawn one, and no illustrative
/// one when only real figures are asked for.
/// </summary>
internal static class CountedBatches
{
    /// <summary>The batches whose rows are counted.</summary>
    public static IQueryable<ImportBatch> Counted(this IQueryable<ImportBatch> batches, bool realOnly) =>
        batches.Where(b => b.WithdrawnAt == null && !(realOnly && b.IsIllustrative));

    /// <summary>The batches whose rows are left out (the complement of <see cref="Counted"/>).</summary>
    public static IQueryable<ImportBatch> LeftOut(this IQueryable<ImportBatch> batches, bool realOnly) =>
        batches.Where(b => b.WithdrawnAt != null || (realOnly && b.IsIllustrative));
}
