using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Motcua.Common;

/// <summary>How a chain was found broken.</summary>
internal enum ChainBreakKind
{
    /// <summary>The entry's fields no longer give its stored hash: it was changed after it was written.</summary>
    Edited,

    /// <summary>An entry is missing at this position (a gap in the sequence, or a link to a hash no entry has).</summary>
    Deleted,

    /// <summary>The entry links to another entry of the chain than the one before it: the order was changed.</summary>
    Reordered,
}

/// <summary>The first break of one chain: which chain, which entry (sequence number), what kind.</summary>
internal sealed record ChainBreak(string Chain, long Sequence, ChainBreakKind Kind)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Chain}: entry #{Sequence} {Kind.ToString().ToLowerInvariant()}");
}

/// <summary>What a verification saw: how many chains and entries, and the first break of every broken chain.</summary>
internal sealed record ChainReport(long Chains, long Entries, IReadOnlyList<ChainBreak> Breaks)
{
    public bool Intact => Breaks.Count == 0;

    public static ChainReport Combine(params ChainReport[] reports) =>
        new(reports.Sum(r => r.Chains), reports.Sum(r => r.Entries), [.. reports.SelectMany(r => r.Breaks)]);
}

/// <summary>One stored entry as the verification reads it: its position, its stored links and its canonical fields.</summary>
internal sealed record ChainLink(long Sequence, string? PreviousHash, string? Hash, string Canonical);

/// <summary>
/// Hash chains for append-only histories (dossier events, audit entries; ADR 0016). Each entry stores the
/// hash of the entry before it and its own hash, SHA-256 over that previous hash and a canonical text of
/// its fields; changing, removing or moving an entry therefore breaks a link that anyone can recompute.
/// The sequence number is not hashed: order is protected by the links, so that a moved entry is reported
/// as reordered rather than as edited.
/// </summary>
internal static class HashChain
{
    /// <summary>The "previous hash" of the first entry of a chain.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(string previousHash, string canonical)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + canonical));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>
    /// A canonical text of field values: each is length-prefixed (so no separator inside a value can make two
    /// different entries read alike), null is "~", times are written to the microsecond (PostgreSQL's
    /// precision, so a value read back hashes as it was written), numbers and GUIDs in invariant form.
    /// </summary>
    public static string Canonical(params object?[] fields)
    {
        var text = new StringBuilder();
        foreach (var field in fields)
        {
            var value = field switch
            {
                null => null,
                DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
                DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
                Guid id => id.ToString("D"),
                Enum e => e.ToString(),
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => field.ToString(),
            };
            if (value is null)
            {
                text.Append('~');
            }
            else
            {
                text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
            }

            text.Append('|');
        }

        return text.ToString();
    }

    /// <summary>
    /// Checks one chain, its entries in sequence order, and returns its first break or null.
    /// <paramref name="expectedPrevious"/> is what the first entry must link to; <paramref name="head"/>, when the
    /// chain's owner keeps it (a dossier keeps its version and last hash), also catches entries removed at the end.
    /// </summary>
    public static ChainBreak? Verify(string chain, IReadOnlyList<ChainLink> links, string expectedPrevious = Genesis, long firstSequence = 1, (long Sequence, string? Hash)? head = null)
    {
        var known = new HashSet<string>(links.Where(l => l.Hash is not null).Select(l => l.Hash!), StringComparer.Ordinal);
        var previous = expectedPrevious;
        var expected = firstSequence;
        foreach (var link in links)
        {
            if (link.Hash is null || link.PreviousHash is null || !string.Equals(Hash(link.PreviousHash, link.Canonical), link.Hash, StringComparison.Ordinal))
            {
                return new ChainBreak(chain, link.Sequence, ChainBreakKind.Edited);
            }

            if (link.Sequence > expected)
            {
                return new ChainBreak(chain, expected, ChainBreakKind.Deleted);
            }

            if (link.Sequence < expected)
            {
                return new ChainBreak(chain, link.Sequence, ChainBreakKind.Reordered);
            }

            if (!string.Equals(link.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new ChainBreak(chain, link.Sequence, known.Contains(link.PreviousHash) && !string.Equals(link.PreviousHash, link.Hash, StringComparison.Ordinal)
                    ? ChainBreakKind.Reordered
                    : ChainBreakKind.Deleted);
            }

            previous = link.Hash;
            expected++;
        }

        if (head is { } last)
        {
            if (last.Sequence >= expected)
            {
                return new ChainBreak(chain, expected, ChainBreakKind.Deleted);
            }

            if (links.Count > 0 && !string.Equals(last.Hash, previous, StringComparison.Ordinal))
            {
                return new ChainBreak(chain, links[^1].Sequence, ChainBreakKind.Edited);
            }
        }

        return null;
    }
}
