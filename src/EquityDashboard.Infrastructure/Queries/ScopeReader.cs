using EquityDashboard.Core.Geography;
using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Scope;
using Microsoft.Extensions.Options;

namespace EquityDashboard.Infrastructure.Queries;

/// <summary>A view's scope read from text: the scope (defaults in place of bad values) and what was wrong.</summary>
public sealed record ScopeResult(EquityScope Scope, ScopeReading Reading)
{
    public bool Failed => Reading.Failed;
    public IReadOnlyDictionary<string, string> Errors => Reading.Errors;
    public string Message => Reading.Message;
    public IReadOnlyList<string> Warnings => Reading.Warnings;
}

/// <summary>
/// Reads a view's scope for the pages, the API and the CLI: <see cref="ScopeParser"/> against the
/// cluster and donor names the data holds, and the one rule for the year a view opens on.
/// </summary>
public sealed class ScopeReader(EquityService equity, NameResolver resolver, IOptions<EquityOptions> options)
{
    private readonly ScopeParser _parser = new(resolver);

    /// <summary>
    /// Reads the values by parameter name (<see cref="ScopeParameters"/>); <paramref name="spell"/>
    /// names a parameter as the caller's users type it. Cluster and donor names are read only when given.
    /// </summary>
    public async Task<ScopeResult> ReadAsync(IReadOnlyDictionary<string, string?> values, Func<string, string>? spell = null,
        CancellationToken ct = default)
    {
        var known = new ScopeNames(
            ScopeParser.IsGiven(values, ScopeParameters.Cluster) ? await equity.ClustersAsync(ct) : [],
            ScopeParser.IsGiven(values, ScopeParameters.Donor) ? await equity.DonorsAsync(ct) : []);
        var reading = _parser.Parse(values, known, spell);
        var year = reading.Year ?? await DefaultYearAsync(ct);
        return new ScopeResult(reading.ScopeFor(year), reading);
    }

    /// <summary>
    /// The year a view opens on when none is given: the configured default (Equity:DefaultYear), else the
    /// latest year with both funding and people in need (else the latest with any data), else this year.
    /// </summary>
    public async Task<int> DefaultYearAsync(CancellationToken ct = default) =>
        options.Value.DefaultYear ?? await equity.LatestCompleteYearAsync(ct) ?? DateTime.UtcNow.Year;
}
