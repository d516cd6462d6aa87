namespace Motcua.Common;

/// <summary>
/// A business rule said no. <see cref="Message"/> is the English text, which is also the key of its
/// translation (see <c>Localization/vi.json</c>); <see cref="Arguments"/> fill its placeholders.
/// <see cref="Field"/> names the input at fault, so APIs can return it in problem details and forms
/// can show it beside the field.
/// </summary>
internal sealed class DomainException : Exception
{
    public DomainException(string message, params object[] arguments)
        : this(null, message, arguments)
    {
    }

    public DomainException(string? field, string message, params object[] arguments)
        : base(message)
    {
        Field = field;
        Arguments = arguments;
    }

    public DomainException()
        : this(null, "Invalid request.")
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Arguments = [];
    }

    public string? Field { get; }

    public IReadOnlyList<object> Arguments { get; } = [];
}
