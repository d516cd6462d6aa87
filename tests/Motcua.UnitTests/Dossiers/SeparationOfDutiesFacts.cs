using CsCheck;
using Motcua.Dossiers;
using Motcua.Procedures.Contracts;

namespace Motcua.UnitTests.Dossiers;

/// <summary>
/// Separation of duties as a pure function of who did what on a dossier: a table of cases, and a property
/// over random walks through the lifecycle by one to three people who each hold every desk role.
/// </summary>
public sealed class SeparationOfDutiesFacts
{
    private static readonly DateTime T0 = new(2026, 3, 2, 8, 0, 0);

    private static readonly ProcedureSnapshot Snapshot = new(
        "1.001193", "Đăng ký khai sinh", "Hộ tịch", "full", true, true, "01", "Đúng hạn", 3m, true, 50_000, "TP",
        [new ChecklistItem("Tờ khai đăng ký khai sinh", 1, 0, "Mẫu TT 04/2024")]);

    private static readonly SeparationOfDutiesOptions On = new();

    private static readonly string[] People = ["an", "binh", "chi"];

    /// <summary>History ("action:actor" …), the next action and its actor, the rules switched off (if any), the expected refusal ("none": allowed).</summary>
    public static TheoryData<string, string, string, string, string> Cases() => new()
    {
        // The examiner does not decide.
        { "receive:an submit:binh", "approve", "binh", "", "ExaminerApproves" },
        { "receive:an submit:binh", "refuse", "binh", "", "ExaminerRefuses" },
        { "receive:an submit:binh", "approve", "BINH", "", "ExaminerApproves" },
        { "receive:an submit:binh", "approve", "chi", "", "none" },
        { "receive:an submit:binh", "approve", "an", "", "none" },
        // Sent back and submitted again by someone else: the first examiner still examined it.
        { "receive:an submit:binh return-to-previous:chi submit:an", "approve", "binh", "", "ExaminerApproves" },
        // Who received and decided does not return alone; receiving and returning, or deciding and returning, is fine.
        { "receive:an submit:binh approve:an", "return", "an", "", "DeciderReturns" },
        { "receive:an submit:binh refuse:an", "return", "an", "", "DeciderReturns" },
        { "receive:an submit:binh approve:chi", "return", "an", "", "none" },
        { "receive:an submit:binh approve:chi", "return", "chi", "", "none" },
        { "receive:an submit:binh approve:an", "return", "chi", "", "none" },
        // Other steps are never refused, and each part can be switched off, or the whole rule.
        { "receive:an", "submit", "an", "", "none" },
        { "receive:an submit:an", "complete", "an", "", "none" },
        { "receive:an submit:binh", "approve", "binh", "ExaminerDoesNotDecide", "none" },
        { "receive:an submit:binh approve:an", "return", "an", "ReceiverAndDeciderDoesNotReturn", "none" },
        { "receive:an submit:an", "approve", "an", "Enabled", "none" },
        { "receive:an submit:binh approve:an", "return", "an", "Enabled", "none" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Who_may_take_the_next_step(string history, string action, string actor, string off, string expected)
    {
        var rules = new SeparationOfDutiesOptions
        {
            Enabled = off != "Enabled",
            ExaminerDoesNotDecide = off != "ExaminerDoesNotDecide",
            ReceiverAndDeciderDoesNotReturn = off != "ReceiverAndDeciderDoesNotReturn",
        };
        var steps = history.Split(' ').Select(s => s.Split(':')).Select(p => new DutyStep(p[0], p[1]));

        Assert.Equal(expected, SeparationOfDuties.Refusal(rules, action, actor, steps)?.ToString() ?? "none");
    }

    [Fact]
    public void Each_refusal_says_why_and_names_the_rule()
    {
        foreach (var conflict in Enum.GetValues<DutyConflict>())
        {
            var refusal = SeparationOfDuties.Refuse(conflict);
            Assert.Equal("separationOfDuties", refusal.Field);
            Assert.EndsWith("(separation of duties).", refusal.Message, StringComparison.Ordinal);
        }

        Assert.Contains("another leader must approve", SeparationOfDuties.Refuse(DutyConflict.ExaminerApproves).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_rule_off_one_person_may_take_a_dossier_through_every_step()
    {
        var dossier = Walk(new SeparationOfDutiesOptions { Enabled = false }, [.. Enumerable.Repeat(0, 12)], people: 1);

        Assert.Equal(DossierStatus.Returned, dossier.Status);
        Assert.Single(dossier.NewEvents.Where(e => e.Action != "create").Select(e => e.Actor).Distinct());
    }

    [Fact]
    public void With_the_rule_on_two_people_suffice()
    {
        var dossier = Walk(On, [.. Enumerable.Repeat(0, 40)], people: 2);

        Assert.Equal(DossierStatus.Returned, dossier.Status);
    }

    [Fact]
    public void With_the_rule_on_no_dossier_is_returned_with_a_single_actor_on_every_step()
    {
        var walks = Gen.Select(Gen.Int[0, 1_000_000].Array[1, 60], Gen.Int[1, 3]);
        walks.Sample((choices, people) =>
        {
            var dossier = Walk(On, choices, people);
            var events = dossier.NewEvents;
            if (dossier.Status == DossierStatus.Returned || events.Any(e => e.Action == "return"))
            {
                var actors = events.Where(e => SeparationOfDuties.Steps.Contains(e.Action)).Select(e => e.Actor).Distinct().ToList();
                Assert.True(actors.Count > 1, string.Join(", ", events.Select(e => $"{e.Action}:{e.Actor}")));
            }

            // Whatever the walk: nobody decided a dossier they had examined, nor returned one they received and decided alone.
            for (var i = 0; i < events.Count; i++)
            {
                var earlier = events.Take(i).ToList();
                var e = events[i];
                if (e.Action is "approve" or "refuse")
                {
                    Assert.DoesNotContain(earlier, p => p.Action == "submit" && p.Actor == e.Actor);
                }

                if (e.Action == "return")
                {
                    Assert.False(earlier.Any(p => p.Action == "receive" && p.Actor == e.Actor) && earlier.Any(p => p.Action is "approve" or "refuse" && p.Actor == e.Actor));
                }
            }
        });
    }

    /// <summary>
    /// Takes a dossier through the lifecycle: at each turn, an action the state allows and a person
    /// (each holding every desk role) chosen by <paramref name="choices"/>; a step the rule refuses is
    /// not taken (the person tries again next turn).
    /// </summary>
    private static Dossier Walk(SeparationOfDutiesOptions rules, int[] choices, int people)
    {
        var provided = Snapshot.Checklist.Select(c => new ProvidedDocument(c.Name, true, true, false)).ToList();
        var dossier = Dossier.Submit(new DossierSubmission(Guid.NewGuid(), Guid.NewGuid(), Snapshot, new Applicant("Nguyễn Văn An", null, null, null, null), Channel.Counter, provided), "X-260302-0001", T0, People[0]);
        string[] path = ["receive", "assign", "request-supplement", "supplement", "return-to-previous", "submit", "approve", "refuse", "complete", "pay", "return"];
        var now = T0;
        foreach (var choice in choices)
        {
            var available = path.Where(dossier.AvailableActions().Contains).ToList();
            if (available.Count == 0)
            {
                break;
            }

            // Three turns in four go forward on the main path, so that many walks reach the end; the rest wander.
            var action = choice % 4 == 3 ? available[choice / 4 % available.Count] : Forward(available);
            var actor = People[choice / 13 % people];
            now = now.AddHours(1);
            var history = dossier.NewEvents.Select(e => new DutyStep(e.Action, e.Actor));
            if (SeparationOfDuties.Refusal(rules, action, actor, history) is not null)
            {
                // Someone else takes the step next time.
                actor = People[((choice / 13) + 1) % people];
                if (SeparationOfDuties.Refusal(rules, action, actor, history) is not null)
                {
                    continue;
                }
            }

            try
            {
                Apply(dossier, action, actor, now);
            }
            catch (DossierConflictException)
            {
                // A rule of the lifecycle said no (e.g. a second supplement request): nothing changed.
            }
        }

        return dossier;
    }

    /// <summary>The furthest step forward on the main path that the state allows.</summary>
    private static string Forward(List<string> available)
    {
        string[] order = ["return", "pay", "complete", "approve", "submit", "assign", "receive"];
        return order.FirstOrDefault(available.Contains) ?? available[0];
    }

    private static void Apply(Dossier d, string action, string actor, DateTime now)
    {
        switch (action)
        {
            case "receive": d.Receive(now, now, now.AddDays(3), 1, actor); break;
            case "assign": d.Assign(now, "TP", "binh", actor); break;
            case "request-supplement": d.RequestSupplement(now, "Thiếu giấy tờ", actor); break;
            case "supplement": d.Supplement(now, now.AddDays(3), 1, [], actor); break;
            case "return-to-previous": d.ReturnToPrevious(now, "Xem lại", actor); break;
            case "submit": d.SubmitForApproval(now, null, actor); break;
            case "approve": d.Approve(now, null, actor); break;
            case "refuse": d.Refuse(now, "Không đủ điều kiện", actor); break;
            case "complete": d.Complete(now, false, false, actor); break;
            case "pay": d.Pay(now, d.FeeDue, false, actor); break;
            case "return": d.Return(now, Channel.Counter, actor); break;
            default: throw new InvalidOperationException(action);
        }
    }
}
