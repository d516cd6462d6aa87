using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Motcua.Common.Web;

internal static class PageErrors
{
    /// <summary>Shows a rule's message beside the field it names (or at the top of the form).</summary>
    public static void Add(this ModelStateDictionary modelState, DomainException exception, IStringLocalizer localizer, string? prefix = null) =>
        modelState.AddModelError(exception.Field is { } field ? (prefix is null ? field : $"{prefix}.{field}") : string.Empty, exception.Localize(localizer));
}
