using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace ItaSurvey.Web.Api;

/// <summary>The OpenAPI description served at /api/v1/openapi.json: only /api/v1, with its bearer-token scheme.</summary>
public static class ApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "ItaSurvey API",
                Version = "v1",
                Description = "Every administrative step of ITA assessments: agencies, rounds and their dates, public links and codes, response counts, "
                    + "OIT evidence, results, the improvement report, exports, users and your own tokens. "
                    + "Authenticate with a personal API token ('Authorization: Bearer itas_…', created with the create-token command); "
                    + "a token sees and changes exactly what its owner may. Errors are RFC 9457 problem details: 'detail' says in English what to fix, "
                    + "'detailTh' says it in Thai, and a 400 lists each invalid field in 'errors' and 'errorsTh'. "
                    + "Ids that do not exist and ids outside your agencies both answer 404.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["apiToken"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal API token: itas_ followed by 40 characters.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiToken", document)] = [] }];
            return Task.CompletedTask;
        });
        // Every JSON answer shows an example of its type (ApiExamples), problem details included.
        options.AddOperationTransformer((operation, context, _) =>
        {
            foreach (var type in context.Description.SupportedResponseTypes)
            {
                if (type.Type is null || operation.Responses?.GetValueOrDefault(type.StatusCode.ToString(CultureInfo.InvariantCulture)) is not { Content: { } content })
                {
                    continue;
                }
                foreach (var (mediaType, media) in content)
                {
                    if (mediaType.EndsWith("json", StringComparison.Ordinal) && media is OpenApiMediaType { Example: null } writable)
                    {
                        writable.Example = ApiExamples.For(type.Type, type.StatusCode);
                    }
                }
            }
            return Task.CompletedTask;
        });
        // The app's JSON settings read numbers from strings, so the generator offers "integer or string";
        // the API writes numbers as numbers and its body reader (JsonBody) accepts only numbers.
        options.AddSchemaTransformer((schema, _, _) =>
        {
            if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0)
            {
                schema.Type = type & ~JsonSchemaType.String;
                schema.Pattern = null;
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Describes a JSON request body that the endpoint reads itself (<see cref="JsonBody{T}"/>): the fields
    /// without a default value are required and not null. Unlike Accepts&lt;T&gt;() it adds no content-type
    /// routing, so another content type reaches the endpoint and gets its 415 problem.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            if (schema is OpenApiSchema body)
            {
                var required = typeof(T).GetConstructors().Single().GetParameters()
                    .Where(p => !p.HasDefaultValue).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)).ToHashSet();
                body.Required = required;
                foreach (var (name, property) in body.Properties ?? new Dictionary<string, IOpenApiSchema>())
                {
                    if (required.Contains(name) && property is OpenApiSchema { Type: { } type } field)
                    {
                        field.Type = type & ~JsonSchemaType.Null;
                    }
                }
            }
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema, Example = ApiExamples.For(typeof(T)) } },
            };
        });

    /// <summary>Shows an endpoint's own example of a problem it answers with (its extensions included), in place of the status's usual one.</summary>
    public static RouteHandlerBuilder ProblemExample(this RouteHandlerBuilder builder, int status, string detail, string detailTh,
        Dictionary<string, JsonNode?> extensions) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var example = new JsonObject
            {
                ["status"] = status, ["title"] = ReasonPhrases.GetReasonPhrase(status), ["detail"] = detail, [ApiProblems.ThaiDetail] = detailTh,
            };
            foreach (var (name, value) in extensions)
            {
                example[name] = value?.DeepClone(); // the captured node would otherwise belong to the first document made
            }
            if (operation.Responses?.GetValueOrDefault(status.ToString(CultureInfo.InvariantCulture))?.Content is { } content)
            {
                foreach (var media in content.Values.OfType<OpenApiMediaType>())
                {
                    media.Example = example.DeepClone();
                }
            }
            return Task.CompletedTask;
        });

    /// <summary>Marks a query parameter that the endpoint checks itself as required in the description.</summary>
    public static RouteHandlerBuilder RequiredQuery(this RouteHandlerBuilder builder, string name, string description) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.Name == name) ?? [])
            {
                parameter.Required = true;
                parameter.Description = description;
            }
            return Task.CompletedTask;
        });
}
