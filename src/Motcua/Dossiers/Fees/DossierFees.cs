using System.Globalization;
using Motcua.Common;
using Motcua.Dossiers.Contracts;

namespace Motcua.Dossiers.Fees;

/// <summary>The <see cref="IDossierFees"/> contract over the dossier service: refusals become outcomes, so callers need no Dossiers types.</summary>
internal sealed class DossierFees(DossierService dossiers) : IDossierFees
{
    public Task<long?> GetFeeDueAsync(string code, string? secret, CancellationToken cancellationToken = default) =>
        dossiers.FeeDueAsync(code, secret, cancellationToken);

    public async Task<FeeRecording> RecordOnlinePaymentAsync(string code, long amount, string paymentReference, CancellationToken cancellationToken = default)
    {
        try
        {
            return await dossiers.RecordOnlinePaymentAsync(code, amount, paymentReference, cancellationToken)
                ? new FeeRecording(FeeRecordingOutcome.Recorded)
                : new FeeRecording(FeeRecordingOutcome.AlreadyRecorded);
        }
        catch (NotFoundException)
        {
            return Refused("There is no dossier {0}.", [code]);
        }
        catch (DomainException exception)
        {
            return Refused(exception.Message, exception.Arguments);
        }
        catch (DossierConflictException exception)
        {
            return Refused(exception.Message, exception.Arguments);
        }
    }

    private static FeeRecording Refused(string message, IReadOnlyList<object> arguments) =>
        new(FeeRecordingOutcome.Refused, string.Format(CultureInfo.InvariantCulture, message, [.. arguments]));
}
