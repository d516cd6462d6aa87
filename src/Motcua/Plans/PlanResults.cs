using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Web;

namespace Motcua.Plans;

/// <summary>The outcomes every plans endpoint shares: a refused rule is 400 with the field, out of scope is 404, a role that may not is 403.</summary>
internal static class PlanResults
{
    public static async Task<Results<Ok<T>, NotFound, ValidationProblem, ForbidHttpResult>> OkAsync<T>(IStringLocalizer localizer, Func<Task<T>> action)
    {
        try
        {
            return TypedResults.Ok(await action());
        }
        catch (DomainException exception)
        {
            return exception.ToProblem(localizer);
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (ForbiddenException)
        {
            return TypedResults.Forbid();
        }
    }

    public static async Task<Results<Created<T>, NotFound, ValidationProblem, ForbidHttpResult>> CreatedAsync<T>(IStringLocalizer localizer, Func<Task<(string Location, T Value)>> action)
    {
        try
        {
            var (location, value) = await action();
            return TypedResults.Created(location, value);
        }
        catch (DomainException exception)
        {
            return exception.ToProblem(localizer);
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
        catch (ForbiddenException)
        {
            return TypedResults.Forbid();
        }
    }

    public static async Task<Results<FileStreamHttpResult, NotFound>> FileAsync(Func<Task<(string FileName, string ContentType, Stream Content)>> open)
    {
        try
        {
            var (name, contentType, content) = await open();
            return TypedResults.File(content, contentType, name);
        }
        catch (NotFoundException)
        {
            return TypedResults.NotFound();
        }
    }

    /// <summary>The files of a multipart form, opened for reading (the caller disposes nothing: the request owns them).</summary>
    public static IReadOnlyList<UploadedFile> Files(IFormFileCollection? files) =>
        [.. (files ?? new FormFileCollection()).Where(f => f.Length > 0).Select(f => new UploadedFile(f.FileName, f.OpenReadStream()))];
}
