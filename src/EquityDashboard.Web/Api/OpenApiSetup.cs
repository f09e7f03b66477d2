using EquityDashboard.Core.Metrics;
using EquityDashboard.Core.Scope;
using EquityDashboard.Infrastructure.Export;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EquityDashboard.Web.Api;

/// <summary>
/// The API binds its query parameters as text (so a wrong value gets a clear problem+json
/// message); this tells OpenAPI clients their real types: years are integers, baseline and
/// format take fixed values, and an operation with a format parameter also answers text/csv.
/// </summary>
internal static class OpenApiSetup
{
    private static readonly string[] YearParameters = ["year", "from", "to"];

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "EquityDashboard API";
            document.Info.Description = "Funding against need per Iraqi governorate and district: the equity table, trends and "
                + "governorate details, with the same figures as the dashboard and the `equity` command line.";
            // Imports, withdrawals, restores and the audit trail need a role: a sign-in cookie, or an API token
            // from the profile page or `equity tokens create`.
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token (Authorization: Bearer TOKEN). Viewers read; data managers import and withdraw; admins also restore and read the audit trail.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(async (operation, context, ct) =>
        {
            if (operation.OperationId == "GetGaps") await DistrictAnswerAsync(operation, context, ct);
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                if (YearParameters.Contains(parameter.Name))
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer, Format = "int32",
                        Minimum = YearRange.Min.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Maximum = YearRange.Max.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    };
                else if (parameter.Name == ScopeParameters.Baseline)
                    parameter.Schema = Choice([.. BaselineWords.All.Select(w => w.Value)]);
                else if (parameter.Name == ScopeParameters.Level)
                    parameter.Schema = Choice([.. Enum.GetValues<Level>().Select(ScopeParser.ValueOf)]);
                else if (parameter.Name == "format")
                {
                    parameter.Schema = Choice("json", "csv");
                    if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse { Content: { } content })
                        content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                }
            }
        });
    }

    /// <summary>
    /// <c>/api/gaps</c> answers a <see cref="Infrastructure.Export.GapsDocument"/>, or with level=district a
    /// <see cref="DistrictGapsDocument"/>: its JSON schema is one of the two.
    /// </summary>
    private static async Task DistrictAnswerAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.Responses?.GetValueOrDefault("200") is not OpenApiResponse { Content: { } content }
            || !content.TryGetValue("application/json", out var mediaType)
            || mediaType is not OpenApiMediaType { Schema: { } governorates } json
            || context.Document is not { } document)
            return;
        var schema = await context.GetOrCreateSchemaAsync(typeof(DistrictGapsDocument), cancellationToken: ct);
        document.AddComponent(nameof(DistrictGapsDocument), schema);
        json.Schema = new OpenApiSchema
        {
            OneOf = [governorates, new OpenApiSchemaReference(nameof(DistrictGapsDocument), document)],
            Description = "A GapsDocument (level=governorate, the default) or a DistrictGapsDocument (level=district).",
        };
    }

    private static OpenApiSchema Choice(params string[] values) => new()
    {
        Type = JsonSchemaType.String,
        Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
        Default = JsonValue.Create(values[0]),
    };
}
