namespace Motcua.Common;

/// <summary>The thing does not exist, or the caller may not know it does (outside their unit scope).</summary>
internal sealed class NotFoundException : Exception
{
    public NotFoundException()
        : base("Not found.")
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The caller is known but this action is not theirs to take.</summary>
internal sealed class ForbiddenException : Exception
{
    public ForbiddenException()
        : base("Forbidden.")
    {
    }

    public ForbiddenException(string message)
        : base(message)
    {
    }

    public ForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
