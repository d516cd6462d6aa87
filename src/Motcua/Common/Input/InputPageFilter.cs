using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Common.Localization;

namespace Motcua.Common.Input;

/// <summary>
/// Binds every text of a page's form through <see cref="TextInput.Check"/>: the handler receives NFC, and a
/// refused text (a control character, longer than its <see cref="MaxLengthAttribute"/> or than
/// <see cref="TextInput.DefaultMaxLength"/>) becomes an error beside its field.
/// </summary>
internal sealed class CheckedStringBinder(IModelBinder inner) : IModelBinder
{
    public const string RefusedKey = "Motcua.Input.Refused";

    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        if (!bindingContext.Result.IsModelSet || bindingContext.Result.Model is not string text)
        {
            return;
        }

        var attributes = (bindingContext.ModelMetadata as DefaultModelMetadata)?.Attributes.Attributes ?? [];
        var maxLength = attributes.OfType<MaxLengthAttribute>().FirstOrDefault()?.Length
            ?? attributes.OfType<StringLengthAttribute>().FirstOrDefault()?.MaximumLength
            ?? TextInput.DefaultMaxLength;
        var check = TextInput.Check(text, maxLength, multiLine: true);
        if (check.Refusal is { } refusal)
        {
            var localizer = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, InputProblems.Message(localizer, refusal, maxLength));
            bindingContext.HttpContext.Items[RefusedKey] = true;
            bindingContext.Result = ModelBindingResult.Failed();
            return;
        }

        bindingContext.Result = ModelBindingResult.Success(check.Value);
    }
}

internal sealed class CheckedStringBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.ModelType == typeof(string)
            ? new CheckedStringBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
}

/// <summary>
/// When a form text was refused, the page's handler does not run (nothing is written): the page is shown
/// again, loaded by its GET handler, with the posted values and the error beside the field.
/// </summary>
internal sealed class InputPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.HttpContext.Items.ContainsKey(CheckedStringBinder.RefusedKey) || HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            await next();
            return;
        }

        context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        var get = context.ActionDescriptor.HandlerMethods.FirstOrDefault(h => string.Equals(h.HttpMethod, "GET", StringComparison.OrdinalIgnoreCase) && h.Name is null);
        if (get is null || context.HandlerInstance is not PageModel page)
        {
            context.Result = new BadRequestResult();
            return;
        }

        var arguments = get.Parameters.Select(p => Argument(context, p.Name, p.ParameterType)).ToArray();
        var outcome = get.MethodInfo.Invoke(page, arguments);
        if (outcome is Task task)
        {
            await task;
            outcome = task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
        }

        context.Result = outcome as IActionResult ?? new PageResult();
        if (context.Result is PageResult)
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>The GET handler's argument: the POST handler's of the same name, a route or query value, or its default.</summary>
    private static object? Argument(PageHandlerExecutingContext context, string name, Type type)
    {
        if (type == typeof(CancellationToken))
        {
            return context.HttpContext.RequestAborted;
        }

        if (context.HandlerArguments.TryGetValue(name, out var bound) && bound is not null && type.IsInstanceOfType(bound))
        {
            return bound;
        }

        var raw = context.RouteData.Values.TryGetValue(name, out var route) ? route?.ToString() : context.HttpContext.Request.Query[name].FirstOrDefault();
        if (raw is not null)
        {
            try
            {
                return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(raw);
            }
            catch (Exception exception) when (exception is FormatException or NotSupportedException or ArgumentException)
            {
                // Falls through to the default: the page shows what it shows without the value.
            }
        }

        return type.IsValueType ? Activator.CreateInstance(type) : null;
    }
}
