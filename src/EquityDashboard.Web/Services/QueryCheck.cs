using EquityDashboard.Core.Scope;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EquityDashboard.Web.Services;

/// <summary>
/// Collects one message per bad query parameter of an API call and answers them as a 400
/// problem. The scope's parameters are read by <see cref="ScopeParser"/> (through
/// <see cref="Infrastructure.Queries.ScopeReader"/>); this adds those only the API has (a trend's
/// years, the format).
/// </summary>
internal sealed class QueryCheck
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Failed => _errors.Count > 0;

    /// <summary>The names of the parameters that failed, for the log.</summary>
    public string Parameters => string.Join(", ", _errors.Keys);

    public ValidationProblem Problem() => TypedResults.ValidationProblem(
        _errors, detail: string.Join(" ", _errors.Values.SelectMany(m => m)), title: "The query is not valid.");

    public void Fail(string parameter, string message) => _errors[parameter] = [message];

    /// <summary>Takes the messages of a scope that was read.</summary>
    public void Add(ScopeReading reading)
    {
        foreach (var (parameter, message) in reading.Errors) Fail(parameter, message);
    }

    /// <summary>A year of the product's range (<see cref="YearRange"/>), or null when not given or bad.</summary>
    public int? Year(string parameter, string? text)
    {
        if (YearRange.TryParse(text, out var year)) return year;
        Fail(parameter, YearRange.Problem(parameter, text));
        return null;
    }

    /// <summary>"json" (the default) or "csv".</summary>
    public string Format(string? text)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "json":
                return "json";
            case "csv":
                return "csv";
            default:
                Fail("format", $"format must be 'json' or 'csv'; got '{text}'.");
                return "json";
        }
    }
}
