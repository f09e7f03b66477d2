using Microsoft.AspNetCore.Http;

namespace EquityDashboard.Web.Components.Pages;

/// <summary>One place the not-found page may point to: a name and its address.</summary>
public sealed record NotFoundLink(string Text, string Href);

/// <summary>
/// What a page whose address names nothing that exists (an unknown district or governorate) tells
/// the reader: what was not found and the closest names, as links. The page answers 404 and keeps the
/// note on the request; the app's not-found page, which the server renders in its place for a 404,
/// shows it.
/// </summary>
public sealed record NotFoundNote(string Message, IReadOnlyList<NotFoundLink> Suggestions)
{
    private const string Key = "equity:not-found-note";

    /// <summary>Keeps the note on the request for the not-found page; nothing without a request (component tests).</summary>
    public void KeepFor(HttpContext? context)
    {
        if (context is not null) context.Items[Key] = this;
    }

    /// <summary>The note a page kept on this request, or null.</summary>
    public static NotFoundNote? Of(HttpContext? context) =>
        context?.Items.TryGetValue(Key, out var note) == true ? note as NotFoundNote : null;
}
