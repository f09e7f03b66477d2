namespace EquityDashboard.Web.Components.Pages.Data;

/// <summary>What the Data page can do to a batch after its import.</summary>
public enum BatchAction
{
    Withdraw,
    Restore,
    Purge,
}
