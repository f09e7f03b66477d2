using System.Globalization;
using EquityDashboard.Core.Records;
using EquityDashboard.Infrastructure.Data;

namespace EquityDashboard.Web.Accounts;

/// <summary>The audit trail's filters from an address (page and API alike): dates as yyyy-MM-dd (UTC), a user, an action.</summary>
public static class AuditQueryParser
{
    public static AuditQuery? Parse(string? from, string? to, string? user, string? action, out string? error)
    {
        error = null;
        DateTimeOffset? Date(string? text, bool endOfDay, string name, ref string? err)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                return new DateTimeOffset(d.ToDateTime(endOfDay ? TimeOnly.MaxValue : TimeOnly.MinValue), TimeSpan.Zero);
            err = $"{name} must be a date as yyyy-MM-dd; got '{text}'.";
            return null;
        }
        var f = Date(from, false, "from", ref error);
        var t = Date(to, true, "to", ref error);
        if (error is null && !string.IsNullOrWhiteSpace(action) && !AuditActions.All.Contains(action.Trim()))
            error = $"Unknown action '{action}'. Actions: {string.Join(", ", AuditActions.All)}.";
        return error is null ? new AuditQuery(f, t, user, action) : null;
    }
}
