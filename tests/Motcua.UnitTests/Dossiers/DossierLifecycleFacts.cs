using Motcua.Common;
using Motcua.Dossiers;
using Motcua.Procedures.Contracts;

namespace Motcua.UnitTests.Dossiers;

/// <summary>Every action in every state: allowed where the one-stop rules allow it, refused (and nothing changed) elsewhere.</summary>
public sealed class DossierLifecycleFacts
{
    private static readonly DateTime T0 = new(2026, 3, 2, 8, 0, 0);

    private static readonly ProcedureSnapshot Snapshot = new(
        "1.001193", "Đăng ký khai sinh", "Hộ tịch", "full", true, true, "01", "Đúng hạn", 3m, true, 50_000, "TP",
        [new ChecklistItem("Tờ khai đăng ký khai sinh", 1, 0, "Mẫu TT 04/2024"), new ChecklistItem("Giấy chứng sinh", 1, 0, null)]);

    private static readonly string[] AllActions =
    [
        "receive", "request-intake-supplement", "refuse-intake", "resubmit", "assign", "forward", "return-to-previous", "send-to-agency",
        "receive-from-agency", "request-supplement", "supplement", "submit", "approve", "refuse", "complete", "return", "withdraw", "cancel",
        "stop", "apologize",
    ];

    private static readonly Dictionary<DossierStatus, string[]> Allowed = new()
    {
        [DossierStatus.Submitted] = ["receive", "request-intake-supplement", "refuse-intake", "withdraw", "cancel"],
        [DossierStatus.IntakeSupplementRequested] = ["receive", "resubmit", "refuse-intake", "withdraw", "cancel"],
        [DossierStatus.IntakeRefused] = [],
        [DossierStatus.Received] = ["assign", "withdraw", "cancel", "stop", "apologize"],
        [DossierStatus.InProcessing] = ["assign", "forward", "return-to-previous", "send-to-agency", "request-supplement", "submit", "withdraw", "cancel", "stop", "apologize"],
        [DossierStatus.AtOtherAgency] = ["receive-from-agency", "request-supplement", "withdraw", "cancel", "stop", "apologize"],
        [DossierStatus.SupplementRequested] = ["supplement", "withdraw", "cancel", "stop", "apologize"],
        [DossierStatus.AwaitingApproval] = ["return-to-previous", "request-supplement", "approve", "refuse", "withdraw", "cancel", "stop", "apologize"],
        [DossierStatus.Approved] = ["complete", "withdraw", "cancel", "stop", "apologize"],
        [DossierStatus.Refused] = ["return"],
        [DossierStatus.ResultReady] = ["return"],
        [DossierStatus.Returned] = [],
        [DossierStatus.Withdrawn] = [],
        [DossierStatus.Cancelled] = [],
        [DossierStatus.Stopped] = [],
    };

    public static TheoryData<string, string, bool> Transitions()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var (status, allowed) in Allowed)
        {
            foreach (var action in AllActions)
            {
                data.Add(status.ToString(), action, allowed.Contains(action));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void An_action_is_allowed_only_in_its_states(string status, string action, bool allowed)
    {
        var dossier = In(Enum.Parse<DossierStatus>(status));
        var version = dossier.Version;
        var before = (dossier.Status, dossier.DueAt, dossier.CompletedAt);

        var error = Record.Exception(() => Apply(dossier, action));

        if (allowed)
        {
            Assert.Null(error);
            Assert.True(dossier.Version > version);
            Assert.Equal(action, dossier.NewEvents[^1].Action);
        }
        else
        {
            Assert.IsType<DossierConflictException>(error);
            Assert.Equal(version, dossier.Version);
            Assert.Equal(before, (dossier.Status, dossier.DueAt, dossier.CompletedAt));
        }
    }

    [Fact]
    public void Every_state_is_in_the_table() =>
        Assert.Equal(Enum.GetValues<DossierStatus>().Order(), Allowed.Keys.Order());

    [Fact]
    public void Every_action_of_the_permission_table_is_covered_by_the_lifecycle()
    {
        Assert.Equal(AllActions.Append("pay").Order(StringComparer.Ordinal), DossierPermissions.Actions.Order(StringComparer.Ordinal));
        Assert.All(DossierPermissions.Actions, action => Assert.NotEmpty(DossierPermissions.RolesFor(action)));
    }

    [Fact]
    public void A_second_supplement_request_is_refused_with_the_date_of_the_first()
    {
        var dossier = In(DossierStatus.InProcessing);
        dossier.RequestSupplement(T0.AddHours(5), "Thiếu bản sao giấy tờ", "cv1");
        dossier.Supplement(T0.AddDays(2), T0.AddDays(6), 1, [], "tn1");

        var error = Assert.Throws<DossierConflictException>(() => dossier.RequestSupplement(T0.AddDays(3), "Lần hai", "cv1"));

        Assert.Contains("only one", error.Message, StringComparison.Ordinal);
        Assert.Equal("02/03/2026", error.Arguments[0]);
        Assert.Equal(1, dossier.SupplementRequests);
        Assert.Equal(DossierStatus.InProcessing, dossier.Status);
    }

    [Fact]
    public void The_offered_actions_leave_out_a_second_supplement_request_and_a_second_apology()
    {
        var dossier = In(DossierStatus.InProcessing);
        Assert.Contains("request-supplement", dossier.AvailableActions());
        Assert.Contains("apologize", dossier.AvailableActions());

        dossier.RequestSupplement(T0.AddHours(5), "Thiếu bản sao", "cv1");
        dossier.Supplement(T0.AddDays(1), T0.AddDays(5), 2, [], "tn1");
        dossier.Apologize(T0.AddDays(2), "Cần xác minh", T0.AddDays(8), "ld1");

        Assert.DoesNotContain("request-supplement", dossier.AvailableActions());
        Assert.DoesNotContain("apologize", dossier.AvailableActions());
        Assert.Contains("submit", dossier.AvailableActions());
    }

    [Fact]
    public void A_refusal_notice_is_handed_over_once()
    {
        var dossier = In(DossierStatus.Refused);
        dossier.Return(T0.AddDays(1), Channel.Counter, "tn1");

        Assert.Equal(DossierStatus.Refused, dossier.Status);
        Assert.DoesNotContain("return", dossier.AvailableActions());
        Assert.Throws<DossierConflictException>(() => dossier.Return(T0.AddDays(2), Channel.Postal, "tn1"));
        Assert.Equal(Channel.Counter, dossier.ReturnChannel);
    }

    [Fact]
    public void A_supplement_pauses_the_clock_and_the_new_appointment_is_recorded()
    {
        var dossier = In(DossierStatus.InProcessing);
        var original = dossier.DueAt;
        dossier.RequestSupplement(T0.AddHours(5), "Thiếu giấy chứng sinh", "cv1");
        Assert.Equal(T0.AddHours(5), dossier.PausedAt);
        Assert.False(dossier.IsOverdue(T0.AddDays(30)));

        dossier.Supplement(T0.AddDays(7), T0.AddDays(9), 4, [], "tn1");

        Assert.Null(dossier.PausedAt);
        Assert.Equal(original, dossier.OriginalDueAt);
        Assert.Equal(T0.AddDays(9), dossier.DueAt);
        Assert.Equal(4, dossier.CalendarRevision);
    }

    [Fact]
    public void Only_one_new_appointment_and_it_must_be_later()
    {
        var dossier = In(DossierStatus.InProcessing);
        var due = dossier.DueAt!.Value;

        Assert.Throws<DomainException>(() => dossier.Apologize(T0.AddHours(1), "Cần xác minh", due.AddHours(-1), "ld1"));
        dossier.Apologize(T0.AddHours(1), "Cần xác minh thêm", due.AddDays(3), "ld1");
        var second = Assert.Throws<DossierConflictException>(() => dossier.Apologize(T0.AddHours(2), "Lần hai", due.AddDays(5), "ld1"));

        Assert.Contains("only one", second.Message, StringComparison.Ordinal);
        Assert.Equal(due.AddDays(3), dossier.DueAt);
        Assert.Equal(due, dossier.OriginalDueAt);
    }

    [Fact]
    public void An_incomplete_dossier_cannot_be_received()
    {
        var dossier = Dossier.Submit(new DossierSubmission(Guid.NewGuid(), Guid.NewGuid(), Snapshot, Applicant(), Channel.Counter, [new ProvidedDocument("Giấy chứng sinh", true, false, false)]), "X-260302-0001", T0, "tn1");

        var error = Assert.Throws<DomainException>(() => dossier.Receive(T0, T0, T0.AddDays(3), 1, "tn1"));

        Assert.Equal(["Tờ khai đăng ký khai sinh"], error.Arguments);
        Assert.Equal(DossierStatus.Submitted, dossier.Status);
    }

    [Fact]
    public void The_result_is_not_returned_before_the_fee_is_paid()
    {
        var dossier = In(DossierStatus.ResultReady);

        Assert.Throws<DossierConflictException>(() => dossier.Return(T0.AddDays(3), Channel.Counter, "tn1"));
        dossier.Pay(T0.AddDays(3), 50_000, online: true, "tn1");
        dossier.Return(T0.AddDays(3), Channel.Postal, "tn1");

        Assert.Equal(DossierStatus.Returned, dossier.Status);
        Assert.Equal(Channel.Postal, dossier.ReturnChannel);
        Assert.True(dossier.PaidOnline);
        Assert.Throws<DomainException>(() => dossier.Pay(T0.AddDays(4), 1, online: false, "tn1"));
    }

    [Fact]
    public void Rating_happens_once_after_the_result_and_harassment_only_when_not_satisfied()
    {
        var open = In(DossierStatus.InProcessing);
        Assert.Throws<DossierConflictException>(() => open.Rate(T0, Rating.Satisfied, false, null));

        var done = In(DossierStatus.ResultReady);
        Assert.Throws<DomainException>(() => done.Rate(T0, Rating.Satisfied, harassment: true, null));
        done.Rate(T0.AddDays(4), Rating.NotSatisfied, harassment: true, "Bị gây khó dễ");
        Assert.Throws<DossierConflictException>(() => done.Rate(T0.AddDays(5), Rating.VerySatisfied, false, null));

        Assert.Equal(Rating.NotSatisfied, done.Rating);
        Assert.True(done.RatedHarassment);
    }

    [Fact]
    public void Late_is_judged_against_the_current_appointment_and_flagged_without_an_apology()
    {
        var dossier = In(DossierStatus.InProcessing);
        var due = dossier.DueAt!.Value;

        Assert.False(dossier.IsOverdue(due));
        Assert.True(dossier.IsOverdue(due.AddMinutes(1)));
        dossier.Apologize(due.AddHours(-30), "Cần lấy ý kiến cơ quan khác", due.AddDays(2), "ld1");
        Assert.False(dossier.IsOverdue(due.AddMinutes(1)));
    }

    [Theory]
    [InlineData("receive", "đã được tiếp nhận. Hẹn trả kết quả: 08:00 ngày 05/03/2026")]
    [InlineData("request-supplement", "cần bổ sung: Thiếu bản sao")]
    [InlineData("complete", "đã có kết quả. Phí, lệ phí còn phải nộp: 50.000 đồng")]
    [InlineData("assign", null)]
    [InlineData("approve", null)]
    public void The_applicant_is_told_only_what_needs_their_attention(string action, string? expected)
    {
        var dossier = In(DossierStatus.ResultReady);
        var text = ApplicantNotices.Text(dossier, new DossierEvent(dossier.Id, 1, T0, "x", action, null, dossier.Status, null, null, dossier.DueAt, "Thiếu bản sao"));

        if (expected is null)
        {
            Assert.Null(text);
        }
        else
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_lookup_secret_is_eight_unambiguous_characters_and_compared_case_insensitively()
    {
        var dossier = In(DossierStatus.Submitted);

        Assert.Matches("^[A-HJKMNP-Z2-9]{8}$", dossier.Secret);
        Assert.True(dossier.SecretMatches(dossier.Secret.ToLowerInvariant()));
        Assert.False(dossier.SecretMatches("AAAAAAAA"));
        Assert.False(dossier.SecretMatches(null));
    }

    private static Applicant Applicant() => new("Nguyễn Văn An", "052090001234", "0905123456", null, "Thôn Phú Mỹ, xã Tuy Phước");

    /// <summary>A dossier driven through the lifecycle to <paramref name="status"/> by the public methods only.</summary>
    [Fact]
    public void Each_event_is_chained_to_the_one_before_and_the_row_keeps_the_head()
    {
        var dossier = In(DossierStatus.InProcessing);
        var events = dossier.TakeNewEvents();

        Assert.True(events.Count >= 2);
        Assert.Equal(HashChain.Genesis, events[0].PreviousHash);
        Assert.All(events.Skip(1).Zip(events), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.Equal(events[^1].Hash, dossier.LastEventHash);
        var links = events.Select(e => new ChainLink(e.Sequence, e.PreviousHash, e.Hash, e.Canonical())).ToList();
        Assert.Null(HashChain.Verify("d", links, head: (dossier.Version, dossier.LastEventHash)));
        Assert.NotNull(HashChain.Verify("d", [.. links.Take(links.Count - 1)], head: (dossier.Version, dossier.LastEventHash)));
    }

    private static Dossier In(DossierStatus status)
    {
        var provided = Snapshot.Checklist.Select(c => new ProvidedDocument(c.Name, true, true, false)).ToList();
        var d = Dossier.Submit(new DossierSubmission(Guid.NewGuid(), Guid.NewGuid(), Snapshot, Applicant(), Channel.Counter, provided), "X-260302-0001", T0, "tn1");
        void Receive() => d.Receive(T0, T0, T0.AddDays(3), 1, "tn1");
        void Process()
        {
            Receive();
            d.Assign(T0.AddHours(1), "TP", "cv1", "tn1");
        }

        switch (status)
        {
            case DossierStatus.Submitted:
                break;
            case DossierStatus.IntakeSupplementRequested:
                d.RequestIntakeSupplement(T0, "Thiếu giấy tờ", "tn1");
                break;
            case DossierStatus.IntakeRefused:
                d.RefuseAtIntake(T0, "Không thuộc thẩm quyền", "tn1");
                break;
            case DossierStatus.Received:
                Receive();
                break;
            case DossierStatus.InProcessing:
                Process();
                break;
            case DossierStatus.AtOtherAgency:
                Process();
                d.SendToAgency(T0.AddHours(2), "Công an xã", null, "cv1");
                break;
            case DossierStatus.SupplementRequested:
                Process();
                d.RequestSupplement(T0.AddHours(2), "Thiếu bản sao", "cv1");
                break;
            case DossierStatus.AwaitingApproval:
                Process();
                d.SubmitForApproval(T0.AddHours(3), null, "cv1");
                break;
            case DossierStatus.Approved:
                Process();
                d.SubmitForApproval(T0.AddHours(3), null, "cv1");
                d.Approve(T0.AddHours(4), null, "ld1");
                break;
            case DossierStatus.Refused:
                Process();
                d.SubmitForApproval(T0.AddHours(3), null, "cv1");
                d.Refuse(T0.AddHours(4), "Không đủ điều kiện", "ld1");
                break;
            case DossierStatus.ResultReady:
                Process();
                d.SubmitForApproval(T0.AddHours(3), null, "cv1");
                d.Approve(T0.AddHours(4), null, "ld1");
                d.Complete(T0.AddHours(5), true, true, "cv1");
                break;
            case DossierStatus.Returned:
                Process();
                d.SubmitForApproval(T0.AddHours(3), null, "cv1");
                d.Approve(T0.AddHours(4), null, "ld1");
                d.Complete(T0.AddHours(5), true, true, "cv1");
                d.Pay(T0.AddHours(5), d.Fee, false, "tn1");
                d.Return(T0.AddHours(6), Channel.Counter, "tn1");
                break;
            case DossierStatus.Withdrawn:
                d.Withdraw(T0, "Công dân rút hồ sơ", "tn1");
                break;
            case DossierStatus.Cancelled:
                d.Cancel(T0, "Trùng hồ sơ", "ld1");
                break;
            case DossierStatus.Stopped:
                Process();
                d.Stop(T0.AddHours(2), "Theo yêu cầu của công dân", "ld1");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status));
        }

        Assert.Equal(status, d.Status);
        return d;
    }

    private static void Apply(Dossier d, string action)
    {
        var now = T0.AddHours(10);
        switch (action)
        {
            case "receive": d.Receive(now, now, now.AddDays(3), 1, "tn1"); break;
            case "request-intake-supplement": d.RequestIntakeSupplement(now, "Thiếu", "tn1"); break;
            case "refuse-intake": d.RefuseAtIntake(now, "Từ chối", "tn1"); break;
            case "resubmit": d.Resubmit(now, [], "tn1"); break;
            case "assign": d.Assign(now, "TP", "cv2", "tn1"); break;
            case "forward": d.Forward(now, null, "cv2", null, "cv1"); break;
            case "return-to-previous": d.ReturnToPrevious(now, "Xem lại", "ld1"); break;
            case "send-to-agency": d.SendToAgency(now, "Sở Tư pháp", null, "cv1"); break;
            case "receive-from-agency": d.ReceiveFromAgency(now, null, "cv1"); break;
            case "request-supplement": d.RequestSupplement(now, "Thiếu", "cv1"); break;
            case "supplement": d.Supplement(now, now.AddDays(2), 2, [], "tn1"); break;
            case "submit": d.SubmitForApproval(now, null, "cv1"); break;
            case "approve": d.Approve(now, null, "ld1"); break;
            case "refuse": d.Refuse(now, "Không đủ điều kiện", "ld1"); break;
            case "complete": d.Complete(now, false, true, "cv1"); break;
            case "return":
                if (d.Status == DossierStatus.ResultReady)
                {
                    d.Pay(now, d.Fee, false, "tn1");
                }

                d.Return(now, Channel.Counter, "tn1");
                break;
            case "withdraw": d.Withdraw(now, "Rút", "tn1"); break;
            case "cancel": d.Cancel(now, "Hủy", "ld1"); break;
            case "stop": d.Stop(now, "Dừng", "ld1"); break;
            case "apologize": d.Apologize(now, "Xin lỗi", (d.DueAt ?? now).AddDays(5), "ld1"); break;
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
