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
    }

    public Counter<long> SignIns { get; }

    public Counter<long> Imports { get; }

    public Counter<long> Notifications { get; }

    public void Dispose() => _meter.Dispose();
}
