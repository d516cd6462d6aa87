using CsCheck;
using Motcua.Audit;
using Motcua.Audit.Contracts;
using Motcua.Common;

namespace Motcua.UnitTests.Audit;

/// <summary>The pure hash chain: any single edit, deletion or swap of a chain is found at the right entry, with the right kind.</summary>
public sealed class HashChainFacts
{
    /// <summary>A well-formed chain of the given entries (sequence from 1), as stored.</summary>
    private static List<ChainLink> Chain(params string[] fields)
    {
        var links = new List<ChainLink>();
        var previous = HashChain.Genesis;
        for (var i = 0; i < fields.Length; i++)
        {
            var canonical = HashChain.Canonical(fields[i], i);
            var hash = HashChain.Hash(previous, canonical);
            links.Add(new ChainLink(i + 1, previous, hash, canonical));
            previous = hash;
        }

        return links;
    }

    private static List<ChainLink> Edit(List<ChainLink> links, int index) =>
        [.. links.Select((l, i) => i == index ? l with { Canonical = l.Canonical + "x" } : l)];

    private static List<ChainLink> Delete(List<ChainLink> links, int index) => [.. links.Where((_, i) => i != index)];

    /// <summary>Two neighbouring rows change places: each takes the other's sequence number, as an UPDATE of the key would do.</summary>
    private static List<ChainLink> Swap(List<ChainLink> links, int index)
    {
        var copy = links.ToList();
        (copy[index], copy[index + 1]) = (copy[index + 1] with { Sequence = copy[index].Sequence }, copy[index] with { Sequence = copy[index + 1].Sequence });
        return copy;
    }

    public static TheoryData<string, int, long?, string?> Cases => new()
    {
        { "intact", -1, null, null },
        { "edit", 0, 1, "Edited" },
        { "edit", 2, 3, "Edited" },
        { "edit", 4, 5, "Edited" },
        { "delete", 0, 1, "Deleted" },
        { "delete", 2, 3, "Deleted" },
        { "delete", 4, 5, "Deleted" }, // the last one: only the head (the dossier's version) shows it
        { "swap", 0, 1, "Reordered" },
        { "swap", 3, 4, "Reordered" },
        { "renumbered-delete", 2, 3, "Deleted" }, // removed and the later rows renumbered to close the gap
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_change_is_found_at_its_entry(string change, int index, long? sequence, string? kind)
    {
        var chain = Chain("a", "b", "c", "d", "e");
        var head = (5L, chain[^1].Hash);
        var changed = change switch
        {
            "edit" => Edit(chain, index),
            "delete" => Delete(chain, index),
            "swap" => Swap(chain, index),
            "renumbered-delete" => [.. Delete(chain, index).Select((l, i) => l with { Sequence = i + 1 })],
            _ => chain,
        };

        var found = HashChain.Verify("c", changed, head: change == "renumbered-delete" ? (4L, chain[^1].Hash) : head);

        Assert.Equal(sequence, found?.Sequence);
        Assert.Equal(kind, found?.Kind.ToString());
    }

    [Fact]
    public void A_rewritten_hash_still_breaks_the_link_of_the_next_entry()
    {
        var chain = Chain("a", "b", "c");
        var forged = HashChain.Hash(chain[1].PreviousHash!, chain[1].Canonical + "x");
        chain[1] = chain[1] with { Canonical = chain[1].Canonical + "x", Hash = forged };

        var found = HashChain.Verify("c", chain);

        Assert.Equal(3, found?.Sequence);
    }

    [Fact]
    public void The_canonical_text_cannot_be_confused_by_separators_or_sub_microsecond_ticks()
    {
        Assert.NotEqual(HashChain.Canonical("a|b", "c"), HashChain.Canonical("a", "b|c"));
        Assert.NotEqual(HashChain.Canonical(null, "x"), HashChain.Canonical("~", "x"));
        var at = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc).AddTicks(12_345_678);
        Assert.Equal(HashChain.Canonical(at), HashChain.Canonical(new DateTime(at.Ticks - (at.Ticks % 10), DateTimeKind.Unspecified)));
    }

    [Fact]
    public void Any_single_edit_deletion_or_swap_of_a_random_chain_is_found_at_its_position()
    {
        Gen.Select(Gen.String[0, 20].Array[2, 30], Gen.Int[0, 2], Gen.Int[0, 1000])
            .Sample((fields, change, at) =>
            {
                var chain = Chain(fields);
                var head = ((long)chain.Count, chain[^1].Hash);
                var index = at % (change == 2 ? chain.Count - 1 : chain.Count);
                var (changed, kind) = change switch
                {
                    0 => (Edit(chain, index), ChainBreakKind.Edited),
                    1 => (Delete(chain, index), ChainBreakKind.Deleted),
                    _ => (Swap(chain, index), ChainBreakKind.Reordered),
                };

                var found = HashChain.Verify("c", changed, head: head);

                return found is not null && found.Sequence == index + 1 && found.Kind == kind;
            });
    }

    [Fact]
    public void An_audit_entry_hashes_the_fields_it_stores()
    {
        var entry = new AuditEntry("2026-12-07", 1, new DateTime(2026, 12, 7, 3, 0, 0, DateTimeKind.Utc), Guid.NewGuid(), "root", "203.0.113.7", AuditActions.DossierView, "dossier", "K1-261207-0001", null, HashChain.Genesis);

        Assert.Equal(HashChain.Hash(HashChain.Genesis, entry.Canonical()), entry.Hash);
        Assert.Null(HashChain.Verify("audit", [new ChainLink(1, entry.PreviousHash, entry.Hash, entry.Canonical())]));
    }

    public static TheoryData<string, string, string?, int, string?, string?> Requests => new()
    {
        { "GET", "/api/v1/dossiers/{code}", null, 200, "application/json", AuditActions.DossierView },
        { "GET", "dossiers/{code}", null, 200, "text/html", AuditActions.DossierView },
        { "GET", "/dossiers/{code}", "Timeline", 200, "text/html", null },
        { "GET", "/api/v1/dossiers/{code}", null, 404, "application/problem+json", null },
        { "GET", "/api/v1/dossiers/{code}/files/{id:guid}", null, 200, "application/pdf", AuditActions.DossierFileDownload },
        { "GET", "/api/v1/dossiers/{code}/forms/{form}", null, 200, "application/pdf", AuditActions.DossierFormDownload },
        { "GET", "/api/v1/procedures/export", null, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", AuditActions.Export },
        { "GET", "/api/v1/indexes/service/{indicator}/dossiers", null, 200, "application/json", null },
        { "GET", "/api/v1/units", null, 200, "application/json", null },
        { "POST", "/api/v1/units/import", null, 200, "application/json", AuditActions.Import },
        { "POST", "/api/v1/dossiers/import", null, 400, "application/problem+json", AuditActions.Import },
        { "POST", "/admin/units", "Import", 200, "text/html", AuditActions.Import },
        { "POST", "/api/v1/units/import", null, 403, null, null },
        { "POST", "/api/v1/dossiers/{code}/{action}", null, 200, "application/json", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Requests_that_read_personal_data_or_move_data_are_classified(string method, string pattern, string? handler, int status, string? contentType, string? action)
    {
        var record = AuditedRequests.Classify(method, pattern, handler, status, contentType, new Dictionary<string, object?> { ["code"] = "K1-261207-0001", ["id"] = "x", ["form"] = "01" }, "/target");

        Assert.Equal(action, record?.Action);
    }
}
