using System.Diagnostics.Metrics;

namespace Motcua.Common;

/// <summary>Motcua's own OpenTelemetry instruments (exported at /metrics and, when configured, over OTLP).</summary>
internal sealed class MotcuaMetrics : IDisposable
{
    public const string MeterName = "Motcua";

    private readonly Meter _meter;

    public MotcuaMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        SignIns = _meter.CreateCounter<long>("motcua.sign_ins", description: "Sign-in attempts by outcome.");
        Imports = _meter.CreateCounter<long>("motcua.imports", description: "File imports by kind and outcome.");
        Notifications = _meter.CreateCounter<long>("motcua.notifications", description: "Notification delivery attempts by channel and outcome.");
        AuditWriteFailures = _meter.CreateCounter<long>("motcua.audit.write_failures", description: "Audit entries that could not be written (each is also logged as an error).");
        AuditChainBreaks = _meter.CreateCounter<long>("motcua.audit.chain_breaks", description: "Broken chains found by the audit verification (dossier events and audit entries).");
        AuditVerifications = _meter.CreateCounter<long>("motcua.audit.verifications", description: "Audit chain verifications by outcome (intact or broken).");
    }

    public Counter<long> SignIns { get; }

    public Counter<long> Imports { get; }

    public Counter<long> Notifications { get; }

    public Counter<long> AuditWriteFailures { get; }

    public Counter<long> AuditChainBreaks { get; }

    public Counter<long> AuditVerifications { get; }

    public void Dispose() => _meter.Dispose();
}
