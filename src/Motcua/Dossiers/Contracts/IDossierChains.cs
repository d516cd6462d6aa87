using Motcua.Common;

namespace Motcua.Dossiers.Contracts;

/// <summary>The hash chains of the dossiers' events, for the audit verification (ADR 0016).</summary>
internal interface IDossierChains
{
    /// <summary>Checks every dossier's chain of events against the dossier's version and last hash.</summary>
    Task<ChainReport> VerifyAsync(CancellationToken cancellationToken = default);
}
