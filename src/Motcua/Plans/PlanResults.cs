using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Web;

namespace Motcua.Plans;

/// <summary>The outcomes every plans endpoint shares; refusals (400, 403, 404) are answered by the API's one refusal filter (ADR 0015).</summary>
internal static class PlanResults
{
    public static async Task<Results<Ok<T>, NotFound, ValidationProblem, ForbidHttpResult>> OkAsync<T>(Func<Task<T>> action)
    {
        return TypedResults.Ok(await action());
    }

    public static async Task<Results<Created<T>, NotFound, ValidationProblem, ForbidHttpResult>> CreatedAsync<T>(Func<Task<(string Location, T Value)>> action)
    {
        var (location, value) = await action();
        return TypedResults.Created(location, value);
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> FileAsync(Func<Task<(string FileName, string ContentType, Stream Content)>> open)
    {
        var (name, contentType, content) = await open();
        return TypedResults.File(content, contentType, name);
    }

    /// <summary>The files of a multipart form, opened for reading (the caller disposes nothing: the request owns them).</summary>
    public static IReadOnlyList<UploadedFile> Files(IFormFileCollection? files) =>
        [.. (files ?? new FormFileCollection()).Where(f => f.Length > 0).Select(f => new UploadedFile(f.FileName, f.OpenReadStream()))];
}
