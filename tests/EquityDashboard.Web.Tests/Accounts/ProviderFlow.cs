using System.Net;
using System.Text.RegularExpressions;

namespace EquityDashboard.Web.Tests.Accounts;

/// <summary>
/// A browser's part of a single sign-on, over HTTP: the app's client (cookies kept) for the app,
/// another client with its own cookies for the provider's pages (login, consent, cancel), and
/// the provider's form post handed back to the app as the browser's script would submit it.
/// </summary>
internal static partial class ProviderFlow
{
    /// <summary>From the app's start endpoint to the app's answer to the provider's form post.</summary>
    public static async Task<HttpResponseMessage> StartAndCompleteAsync(HttpClient app, string subject, string returnUrl)
    {
        var start = await app.GetAsync($"/account/sign-in/external?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        return await CompleteAsync(app, start.Headers.Location!, subject);
    }

    /// <summary>Logs in as <paramref name="subject"/> on the provider's page, consents, and posts the answer to the app.</summary>
    public static async Task<HttpResponseMessage> CompleteAsync(HttpClient app, Uri authorize, string subject)
    {
        using var provider = NewProviderClient();
        var (loginUrl, login) = await FollowAsync(provider, authorize);
        Assert.Contains("name=\"login\"", login, StringComparison.Ordinal);
        var (consentUrl, consent) = await PostAndFollowAsync(provider, new Uri(loginUrl, FormAction(login)), new()
        {
            ["prompt"] = "login", ["login"] = subject, ["password"] = "anything: the development login checks none",
        });
        Assert.Contains("value=\"consent\"", consent, StringComparison.Ordinal);
        var (_, answer) = await PostAndFollowAsync(provider, new Uri(consentUrl, FormAction(consent)), new() { ["prompt"] = "consent" });
        return await PostAnswerAsync(app, answer);
    }

    /// <summary>Opens the provider's login page and follows its Cancel link; posts the provider's answer to the app.</summary>
    public static async Task<HttpResponseMessage> CancelAsync(HttpClient app, Uri authorize)
    {
        using var provider = NewProviderClient();
        var (loginUrl, login) = await FollowAsync(provider, authorize);
        var cancel = CancelLink().Match(login);
        Assert.True(cancel.Success, "the provider's page has a Cancel link");
        var (_, answer) = await FollowAsync(provider, new Uri(loginUrl, WebUtility.HtmlDecode(cancel.Groups[1].Value)));
        return await PostAnswerAsync(app, answer);
    }

    private static HttpClient NewProviderClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true });

    /// <summary>The provider's self-submitting form (response_mode=form_post), posted to the app's callback.</summary>
    private static async Task<HttpResponseMessage> PostAnswerAsync(HttpClient app, string answer)
    {
        var action = new Uri(WebUtility.HtmlDecode(FormAction(answer)));
        Assert.Equal("/signin-oidc", action.AbsolutePath);
        var fields = HiddenInput().Matches(answer).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var response = await app.PostAsync(action.PathAndQuery, new FormUrlEncodedContent(fields));
        // The handler keeps the person in the external cookie and hands over to the finish endpoint.
        while (response.Headers.Location?.OriginalString.StartsWith("/account/sign-in/external/", StringComparison.Ordinal) == true)
            response = await app.GetAsync(response.Headers.Location);
        return response;
    }

    private static async Task<(Uri Url, string Body)> FollowAsync(HttpClient client, Uri url)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            using var response = await client.GetAsync(url);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                url = new Uri(url, response.Headers.Location!);
                continue;
            }
            return (url, await response.Content.ReadAsStringAsync());
        }
        throw new InvalidOperationException($"Too many redirects from {url}.");
    }

    private static async Task<(Uri Url, string Body)> PostAndFollowAsync(HttpClient client, Uri url, Dictionary<string, string> form)
    {
        using var response = await client.PostAsync(url, new FormUrlEncodedContent(form));
        if ((int)response.StatusCode is >= 300 and < 400) return await FollowAsync(client, new Uri(url, response.Headers.Location!));
        return (url, await response.Content.ReadAsStringAsync());
    }

    private static string FormAction(string html) =>
        FormActionPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No form in:\n{html}");

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormActionPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<a href=\"([^\"]+/abort)\">")]
    private static partial Regex CancelLink();
}
