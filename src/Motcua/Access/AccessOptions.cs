namespace Motcua.Access;

/// <summary><c>Motcua:Access</c>: how sign-in is throttled and how quickly a changed account's sessions end.</summary>
internal sealed class AccessOptions
{
    public const string SectionName = "Motcua:Access";

    /// <summary>
    /// How long a user's current security stamp is trusted from memory before it is read again. A change made
    /// in this process ends the user's sessions at once; one made by another process within this many seconds.
    /// </summary>
    public int StampCacheSeconds { get; set; } = 5;

    public SignInThrottleOptions SignIn { get; set; } = new();
}

/// <summary><c>Motcua:Access:SignIn</c>: the limits of sign-in (form and token endpoint together).</summary>
internal sealed class SignInThrottleOptions
{
    /// <summary>Attempts one client address may make in a window, whatever the user names.</summary>
    public int PermitsPerAddress { get; set; } = 30;

    public int AddressWindowSeconds { get; set; } = 60;

    /// <summary>Failed attempts for one user name that cost nothing; each further one doubles the wait.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>The wait after the first failure beyond <see cref="FreeFailures"/>.</summary>
    public int FirstDelaySeconds { get; set; } = 15;

    /// <summary>The longest wait between two attempts for one user name: never a lock-out.</summary>
    public int MaxDelaySeconds { get; set; } = 300;

    /// <summary>A user name's failures are forgotten after this long without another.</summary>
    public int ForgetAfterMinutes { get; set; } = 60;
}
