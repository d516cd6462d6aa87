using Microsoft.Extensions.Options;

namespace Motcua.Payments.Providers;

/// <summary>The registered providers, and the one configured for new payments.</summary>
internal sealed class PaymentProviders(IEnumerable<IPaymentProvider> providers, IOptions<PaymentOptions> options)
{
    /// <summary>Null when online payment is off.</summary>
    public IPaymentProvider? Active => Find(options.Value.Provider);

    public IPaymentProvider? Find(string name) => providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
