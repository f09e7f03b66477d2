namespace EquityDashboard.Web.Components.Shared;

/// <summary>A rectangle in a drawing's coordinates (y down): the extent of a label, to keep labels from colliding.</summary>
internal readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    /// <summary>Whether the two boxes, each grown by <paramref name="gap"/>, overlap.</summary>
    public bool Overlaps(Box o, double gap) =>
        Left - gap < o.Right && o.Left - gap < Right && Top - gap < o.Bottom && o.Top - gap < Bottom;
}
