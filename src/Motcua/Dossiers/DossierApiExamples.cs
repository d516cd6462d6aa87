using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Motcua.Dossiers;

/// <summary>Request examples in the OpenAPI document for the one-stop endpoints integrators call most.</summary>
internal sealed class DossierApiExamples : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["SubmitDossier"] = """
            {"procedureCode":"1.001193","variantCode":"01","channel":"counter",
             "applicant":{"name":"Nguyễn Thị Hoa","identityNumber":"052190001234","phone":"0905123456","email":"hoa@example.vn","address":"Thôn Phú Mỹ, xã Tuy Phước"},
             "documents":[{"name":"Tờ khai đăng ký khai sinh","provided":true,"digitised":true},{"name":"Giấy chứng sinh","provided":true,"digitised":true}],
             "receive":true}
            """,
        ["SubmitDossierOnline"] = """
            {"unitCode":"21760","procedureCode":"1.001193","variantCode":"01",
             "applicant":{"name":"Trương Thị Ngọc Ánh","phone":"0987654321"},
             "documents":[{"name":"Tờ khai đăng ký khai sinh","provided":true,"digitised":true}]}
            """,
        ["DossierAction"] = """
            {"reason":"Bổ sung bản sao giấy chứng nhận kết hôn của cha mẹ","expectedVersion":3}
            """,
        ["RateDossier"] = """
            {"rating":"notSatisfied","harassment":true,"comment":"Cán bộ yêu cầu nộp thêm giấy tờ không có trong danh mục"}
            """,
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is { } id && Examples.TryGetValue(id, out var example)
            && operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media))
        {
            media.Example = JsonNode.Parse(example);
        }

        return Task.CompletedTask;
    }
}
