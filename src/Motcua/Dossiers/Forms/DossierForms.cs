using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Motcua.Calendar.Contracts;
using Motcua.Common;
using Motcua.Common.Documents;
using Motcua.Dossiers.Data;
using Motcua.Organisation.Contracts;
using Motcua.Procedures.Contracts;

namespace Motcua.Dossiers.Forms;

/// <summary>The one-stop forms a dossier can print.</summary>
internal enum FormKind
{
    Receipt,
    SupplementRequest,
    Refusal,
    Apology,
    StopNotice,
    ControlSheet,
}

/// <summary>
/// The forms of Circular 03/2025/TT-VPCP Annex I (and, for dossiers received before 1 July 2025, of
/// Circular 01/2018/TT-VPCP, whose numbering and titles differ), laid out per Decree 30/2020 and
/// rendered to .docx or PDF by <see cref="DocxRenderer"/> and <see cref="PdfRenderer"/>.
/// </summary>
internal sealed class DossierForms(DossiersDbContext db, DossierService dossiers, IUnitDirectory units, IWorkingTime clock, TimeProvider time)
{
    /// <summary>The day the 2025 rules and forms took effect (Decree 118/2025, Circular 03/2025).</summary>
    public static readonly DateTime Rules2025 = new(2025, 7, 1);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Form numbers as in the URL (01…06) → kind; the number printed depends on the dossier's rules.</summary>
    public static bool TryParseForm(string text, out FormKind kind)
    {
        (var ok, kind) = text switch
        {
            "01" or "receipt" => (true, FormKind.Receipt),
            "02" or "supplement-request" => (true, FormKind.SupplementRequest),
            "03" or "refusal" => (true, FormKind.Refusal),
            "04" or "apology" => (true, FormKind.Apology),
            "05" or "stop-notice" => (true, FormKind.StopNotice),
            "06" or "control-sheet" => (true, FormKind.ControlSheet),
            _ => (false, FormKind.Receipt),
        };
        return ok;
    }

    /// <summary>Whether the dossier has reached the point where the form exists (no receipt before receipt…).</summary>
    public static bool Applies(Dossier d, FormKind kind, IReadOnlyList<DossierEvent> history) => kind switch
    {
        FormKind.Receipt => d.ReceivedAt is not null,
        FormKind.SupplementRequest => history.Any(e => e.Action is "request-supplement" or "request-intake-supplement"),
        FormKind.Refusal => d.Status is DossierStatus.IntakeRefused or DossierStatus.Refused || (d.Status == DossierStatus.Returned && history.Any(e => e.Action == "refuse")),
        FormKind.Apology => d.ApologyAt is not null,
        FormKind.StopNotice => d.Status == DossierStatus.Stopped,
        FormKind.ControlSheet => d.ReceivedAt is not null,
        _ => false,
    };

    public async Task<OfficialDocument> BuildAsync(string code, FormKind kind, string lookupBaseUrl, CancellationToken cancellationToken = default)
    {
        var d = await dossiers.FindAsync(code, cancellationToken);
        var history = await dossiers.HistoryAsync(d.Id, cancellationToken);
        if (!Applies(d, kind, history))
        {
            throw new DossierConflictException("This form does not apply to the dossier in its current state.");
        }

        var unit = await units.FindAsync(d.UnitId, cancellationToken) ?? throw new NotFoundException();
        var ancestors = await units.GetAncestorsAsync(unit.Id, cancellationToken);
        var province = ancestors.Count > 0 ? await units.FindAsync(ancestors[^1], cancellationToken) : unit;
        var old = (d.ReceivedAt ?? d.SubmittedAt) < Rules2025;
        var header = new DocumentHeader(
            unit.Kind == UnitKind.Province ? null : $"UBND {DocumentText.Upper(province!.Name)}",
            $"UBND {DocumentText.Upper(unit.Name)}",
            null,
            Place(province!.Name),
            DateOnly.FromDateTime(EventAt(d, kind, history)));
        var lookup = new DocumentQrCode($"{lookupBaseUrl.TrimEnd('/')}/tra-cuu?code={Uri.EscapeDataString(d.Code)}&secret={Uri.EscapeDataString(d.Secret)}", $"Quét mã để tra cứu hồ sơ (mã tra cứu: {d.Secret})");
        return kind switch
        {
            FormKind.Receipt => Receipt(d, history, header, unit, lookup, old),
            FormKind.SupplementRequest => SupplementRequest(d, history, header, unit, old),
            FormKind.Refusal => Refusal(d, history, header, old),
            FormKind.Apology => Apology(d, history, header, unit, old),
            FormKind.StopNotice => StopNotice(d, history, header, history.Last(e => e.Action == "stop").At < Rules2025),
            FormKind.ControlSheet => StepBudget.Parse(d.StepBudgets) is { } budget
                ? await ControlSheetAsync(d, history, header, old, budget, cancellationToken)
                : LegacyControlSheet(d, history, header, old),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>Form 07 (06 under the 2018 rules): the register of dossiers a unit received in a period.</summary>
    public async Task<OfficialDocument> RegisterAsync(UnitSummary unit, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var start = from.ToDateTime(TimeOnly.MinValue);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var scope = await units.GetScopeAsync(unit.Id, cancellationToken);
        var ids = scope.ToList();
        var rows = await db.Dossiers.AsNoTracking()
            .Where(d => ids.Contains(d.UnitId) && d.ReceivedAt >= start && d.ReceivedAt < end)
            .OrderBy(d => d.ReceivedAt)
            .ToListAsync(cancellationToken);
        var ancestors = await units.GetAncestorsAsync(unit.Id, cancellationToken);
        var province = ancestors.Count > 0 ? await units.FindAsync(ancestors[^1], cancellationToken) : unit;
        var old = to.ToDateTime(TimeOnly.MinValue) < Rules2025;
        var header = new DocumentHeader(unit.Kind == UnitKind.Province ? null : $"UBND {DocumentText.Upper(province!.Name)}", $"UBND {DocumentText.Upper(unit.Name)}", null, Place(province!.Name), to);
        return new OfficialDocument(
            header,
            "SỔ THEO DÕI HỒ SƠ",
            $"{FormNumber(old ? "06" : "07", old)} · Từ ngày {from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} đến ngày {to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}",
            [
                new Table(
                    ["STT", "Mã hồ sơ", "Tên TTHC", "Người nộp", "Nhận lúc", "Hẹn trả", "Có kết quả", "Trả kết quả", "Ghi chú"],
                    [.. rows.Select((d, i) => (IReadOnlyList<string>)[
                        (i + 1).ToString(CultureInfo.InvariantCulture), d.Code, d.ProcedureName, d.Applicant.Name, Time(d.ReceivedAt), Time(d.DueAt),
                        Time(d.CompletedAt), Time(d.ReturnedAt), d.CompletedLate ? "Quá hạn" : d.Status == DossierStatus.Returned ? "Đã trả" : string.Empty,
                    ])],
                    [0.5, 2.2, 3, 2, 1.6, 1.6, 1.6, 1.6, 1.2]),
                new Paragraph($"Tổng số: {rows.Count} hồ sơ; trả kết quả quá hạn: {rows.Count(d => d.CompletedLate)}.", ParagraphAlignment.Left, false),
            ],
            new DocumentSignature(null, "NGƯỜI LẬP SỔ", null),
            [],
            null);
    }

    private static OfficialDocument Receipt(Dossier d, IReadOnlyList<DossierEvent> history, DocumentHeader header, UnitSummary unit, DocumentQrCode lookup, bool old)
    {
        var received = d.ReceivedAt!.Value;
        var officer = history.LastOrDefault(e => e.Action == "receive")?.Actor;
        return new OfficialDocument(
            header with { NumberAndSymbol = d.Code },
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            FormNumber("01", old),
            [
                new LabelledLine("Mã hồ sơ", d.Code),
                new Paragraph($"Bộ phận Một cửa của {unit.Name} đã tiếp nhận hồ sơ của:", ParagraphAlignment.Left, false),
                new LabelledLine("Ông/bà", d.Applicant.Name),
                new LabelledLine("Số giấy tờ tùy thân", d.Applicant.IdentityNumber ?? "……"),
                new LabelledLine("Địa chỉ", d.Applicant.Address ?? "……"),
                new LabelledLine("Số điện thoại", d.Applicant.Phone ?? "……"),
                new LabelledLine("Nội dung yêu cầu giải quyết", d.ProcedureName),
                new LabelledLine("Hình thức nộp", Channel(d.Channel)),
                new Paragraph("Thành phần hồ sơ nộp gồm:", ParagraphAlignment.Left, false),
                new Table(["STT", "Tên giấy tờ", "Bản chính", "Bản sao", "Số hóa"],
                    [.. d.Documents.Where(x => x.Provided).Select((x, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), x.Name, x.Originals.ToString(CultureInfo.InvariantCulture), x.Copies.ToString(CultureInfo.InvariantCulture), x.Digitised ? "Có" : "Không"])],
                    [0.6, 5, 1.2, 1.2, 1]),
                new LabelledLine("Số lượng hồ sơ", "01 bộ"),
                new LabelledLine("Thời gian giải quyết theo quy định", $"{d.ProcessingTime.ToString("0.#", Vietnamese)} {(d.CountsWorkingDays ? "ngày làm việc" : "ngày")}"),
                new LabelledLine("Thời gian nhận hồ sơ", Moment(received)),
                new LabelledLine("Thời gian trả kết quả giải quyết hồ sơ", Moment(d.OriginalDueAt!.Value)),
                new LabelledLine("Phí, lệ phí", d.Fee == 0 ? "Không" : $"{d.Fee.ToString("N0", Vietnamese)} đồng"),
                new LabelledLine("Mã tra cứu hồ sơ", d.Secret),
                new Paragraph("Vào Sổ theo dõi hồ sơ. Ông/bà tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu, hoặc quét mã QR trên giấy này.", ParagraphAlignment.Justify, true),
            ],
            new DocumentSignature(null, "NGƯỜI TIẾP NHẬN HỒ SƠ", officer),
            [],
            lookup,
            new DocumentSignature(null, "NGƯỜI NỘP HỒ SƠ", d.Applicant.Name));
    }

    private static OfficialDocument SupplementRequest(Dossier d, IReadOnlyList<DossierEvent> history, DocumentHeader header, UnitSummary unit, bool old)
    {
        var request = history.Last(e => e.Action is "request-supplement" or "request-intake-supplement");
        var missing = d.Documents.Where(x => !x.Provided).Select(x => x.Name).ToList();
        List<DocumentBlock> body =
        [
            new Paragraph($"Bộ phận Một cửa của {unit.Name} đã tiếp nhận hồ sơ của ông/bà {d.Applicant.Name}, đề nghị giải quyết thủ tục: {d.ProcedureName} (mã hồ sơ {d.Code})."),
            new Paragraph("Sau khi kiểm tra, hồ sơ cần bổ sung, hoàn thiện các nội dung sau:"),
            new Paragraph(request.Note ?? string.Empty, ParagraphAlignment.Left, true),
        ];
        if (missing.Count > 0)
        {
            body.Add(new Table(["STT", "Giấy tờ còn thiếu"], [.. missing.Select((m, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), m])], [0.6, 6]));
        }

        body.Add(new Paragraph("Lý do: theo quy định của thủ tục hành chính, thành phần hồ sơ trên là bắt buộc. Việc yêu cầu bổ sung chỉ thực hiện một lần; thời gian chờ bổ sung không tính vào thời hạn giải quyết."));
        body.Add(new Paragraph("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ Bộ phận Một cửa hoặc đường dây nóng của đơn vị để được hướng dẫn."));
        return new OfficialDocument(header, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", FormNumber("02", old), body,
            new DocumentSignature(null, "NGƯỜI HƯỚNG DẪN", request.Actor), [], null);
    }

    private static OfficialDocument Refusal(Dossier d, IReadOnlyList<DossierEvent> history, DocumentHeader header, bool old)
    {
        var refusal = history.Last(e => e.Action is "refuse" or "refuse-intake");

        // Circular 01/2018 titles the form without the comma that Circular 03/2025 added.
        return new OfficialDocument(header, old ? "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" : "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", FormNumber("03", old),
        [
            new Paragraph($"Cơ quan, đơn vị đã tiếp nhận hồ sơ của ông/bà {d.Applicant.Name}, đề nghị giải quyết thủ tục: {d.ProcedureName} (mã hồ sơ {d.Code})."),
            new Paragraph("Qua xem xét, cơ quan, đơn vị thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:"),
            new Paragraph(refusal.Note ?? string.Empty),
            new Paragraph("Xin thông báo để ông/bà được biết và thực hiện."),
        ], new DocumentSignature(refusal.Action == "refuse" ? "TM. ỦY BAN NHÂN DÂN" : null, refusal.Action == "refuse" ? "CHỦ TỊCH" : "NGƯỜI TIẾP NHẬN HỒ SƠ", refusal.Actor), ["Như trên;", "Lưu: VT, hồ sơ."], null);
    }

    private static OfficialDocument Apology(Dossier d, IReadOnlyList<DossierEvent> history, DocumentHeader header, UnitSummary unit, bool old)
    {
        var apology = history.Last(e => e.Action == "apologize");
        return new OfficialDocument(
            header,
            old ? "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" : "PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT HỒ SƠ",
            FormNumber("04", old),
            [
                new Paragraph($"Ngày {Date(d.ReceivedAt!.Value)}, {unit.Name} tiếp nhận giải quyết hồ sơ của ông/bà {d.Applicant.Name}, đề nghị giải quyết thủ tục: {d.ProcedureName} (mã hồ sơ {d.Code})."),
                new Paragraph($"Thời hạn trả kết quả giải quyết hồ sơ: {Moment(d.OriginalDueAt!.Value)}."),
                new Paragraph($"Tuy nhiên, đến nay cơ quan chưa trả kết quả giải quyết hồ sơ cho ông/bà đúng hẹn. Lý do: {apology.Note}"),
                // Before Decree 118/2025 the body gave a new date; since, it asks the applicant to extend the time.
                new Paragraph(old
                    ? $"Sự chậm trễ này đã gây phiền hà cho ông/bà. {unit.Name} thành thật xin lỗi ông/bà và hẹn trả kết quả giải quyết hồ sơ cho ông/bà vào {Moment(d.DueAt!.Value)}."
                    : $"Sự chậm trễ này đã gây phiền hà cho ông/bà. {unit.Name} thành thật xin lỗi và đề nghị được gia hạn, hẹn trả kết quả vào {Moment(d.DueAt!.Value)}."),
                new Paragraph("Mong nhận được sự thông cảm của ông/bà. Thời hạn mới chỉ được hẹn một lần."),
            ],
            new DocumentSignature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", apology.Actor),
            [$"Ông/bà {d.Applicant.Name};", "Bộ phận Một cửa (niêm yết);", "Lưu: VT, hồ sơ."],
            null);
    }

    /// <param name="beforeForm">Stopped before 1 July 2025: Circular 01/2018 had no stop notice, so the
    /// notice carries no form number rather than that of a circular not yet issued.</param>
    private static OfficialDocument StopNotice(Dossier d, IReadOnlyList<DossierEvent> history, DocumentHeader header, bool beforeForm)
    {
        var stop = history.Last(e => e.Action == "stop");
        return new OfficialDocument(header, "PHIẾU DỪNG XỬ LÝ HỒ SƠ", beforeForm ? null : FormNumber("05", false),
        [
            new Paragraph($"Cơ quan, đơn vị đã tiếp nhận hồ sơ của ông/bà {d.Applicant.Name}, đề nghị giải quyết thủ tục: {d.ProcedureName} (mã hồ sơ {d.Code}), ngày {Date(d.ReceivedAt!.Value)}."),
            new Paragraph($"Cơ quan, đơn vị thông báo dừng xử lý hồ sơ kể từ {Moment(stop.At)}. Lý do: {stop.Note}"),
            new Paragraph("Xin thông báo để ông/bà được biết."),
        ], new DocumentSignature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", stop.Actor), [$"Ông/bà {d.Applicant.Name};", "Lưu: VT, hồ sơ."], null);
    }

    /// <summary>
    /// Form 06: for each holder of the dossier, when they received it and handed it over, the deadline of
    /// their step (from its budget, computed by the competent unit's calendar) and whether they handed it over
    /// early, on time or late (see <see cref="ControlSheetSteps"/>).
    /// </summary>
    private async Task<OfficialDocument> ControlSheetAsync(
        Dossier d, IReadOnlyList<DossierEvent> history, DocumentHeader header, bool old, StepBudget budget, CancellationToken cancellationToken)
    {
        var holdings = ControlSheetSteps.Plan(history, d.DueAt);
        var judged = await ControlSheetSteps.JudgeAsync(
            holdings,
            budget,
            async (from, days) => (await clock.AddWorkingDaysAsync(d.UnitId, from, days, cancellationToken)).DueAt,
            async (paused, due, resumed) => (await clock.ResumeAsync(d.UnitId, paused, due, resumed, countsWorkingDays: true, cancellationToken)).DueAt);
        var now = VietnamTime.Now(time);
        var rows = judged.Select((j, i) => (IReadOnlyList<string>)[
            (i + 1).ToString(CultureInfo.InvariantCulture),
            StepName(j.Holding.Step),
            j.Holding.Holder,
            Time(j.Holding.ReceivedAt),
            j.Holding.HandedOverAt is { } handed ? Time(handed) : "Đang giữ",
            j.BudgetDays is not { } days ? "Tạm dừng, chờ bổ sung"
                : j.Deadline is not { } deadline ? "—"
                : $"{Time(deadline)} ({(j.OwnBudget ? Days(days) : "hẹn trả")})",
            j.Judgement switch
            {
                StepJudgement.Early => "Trước hạn",
                StepJudgement.OnTime => "Đúng hạn",
                StepJudgement.Late => "Quá hạn",
                _ when j.Holding.HandedOverAt is null && j.Deadline < now => "Đang quá hạn",
                _ => string.Empty,
            },
            string.Join("; ", new[] { j.Holding.NextHolder is { } next ? $"Giao: {next}" : null, j.Holding.Note }.Where(x => !string.IsNullOrEmpty(x))),
        ]).ToList();

        return new OfficialDocument(header with { NumberAndSymbol = d.Code }, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", FormNumber(old ? "05" : "06", old),
        [
            new LabelledLine("Mã hồ sơ", d.Code),
            new LabelledLine("Thủ tục", d.ProcedureName),
            new LabelledLine("Người nộp", d.Applicant.Name),
            new LabelledLine("Hẹn trả kết quả", d.DueAt is { } appointment ? Moment(appointment) : "—"),
            new LabelledLine("Thời hạn từng bước", string.Join("; ", StepBudget.Steps.Select(s => $"{StepName(s)} {Days(budget.For(s))}"))),
            new Table(["STT", "Bước", "Người thực hiện", "Nhận lúc", "Giao lúc", "Hạn của bước", "Kết quả", "Ghi chú"], rows, [0.5, 1.5, 1.5, 1.6, 1.6, 2.3, 1.2, 2.0]),
        ], null, [], null);
    }

    private static string Days(decimal days) => $"{days.ToString("0.#", Vietnamese)} ngày";

    private static string StepName(SheetStep step) => step switch
    {
        SheetStep.Receipt => "Tiếp nhận",
        SheetStep.Assignment => "Phân công",
        SheetStep.Examination => "Thẩm định, xử lý",
        SheetStep.WithApplicant => "Chờ bổ sung",
        SheetStep.Approval => "Xem xét, ký duyệt",
        SheetStep.Issue => "Ban hành kết quả",
        _ => "Trả kết quả",
    };

    private static string StepName(ProcessStep step) => step switch
    {
        ProcessStep.Receipt => "tiếp nhận",
        ProcessStep.Assignment => "phân công",
        ProcessStep.Examination => "thẩm định",
        ProcessStep.Review => "xem xét",
        ProcessStep.Signature => "ký duyệt",
        ProcessStep.Issue => "ban hành",
        _ => "trả kết quả",
    };

    /// <summary>
    /// The sheet of a dossier submitted before step budgets existed, as it was printed then: each hand-over,
    /// who held the dossier and for how long, and whether the step ended before the appointment in force at
    /// that moment (early, on time) or after it (late).
    /// </summary>
    private static OfficialDocument LegacyControlSheet(Dossier d, IReadOnlyList<DossierEvent> history, DocumentHeader header, bool old)
    {
        var steps = history.Where(e => e.Action != "create").ToList();
        var rows = new List<IReadOnlyList<string>>();
        for (var i = 0; i < steps.Count; i++)
        {
            var e = steps[i];
            var previous = i > 0 ? steps[i - 1].At : d.ReceivedAt ?? d.SubmittedAt;
            var judged = e.DueAt is not { } due ? string.Empty : e.At < due.AddHours(-4) ? "Trước hạn" : e.At <= due ? "Đúng hạn" : "Quá hạn";
            rows.Add([(i + 1).ToString(CultureInfo.InvariantCulture), ActionName(e.Action), e.Actor, Moment(previous), Moment(e.At), e.Holder ?? e.Department ?? string.Empty, judged, e.Note ?? string.Empty]);
        }

        return new OfficialDocument(header with { NumberAndSymbol = d.Code }, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", FormNumber(old ? "05" : "06", old),
        [
            new LabelledLine("Mã hồ sơ", d.Code),
            new LabelledLine("Thủ tục", d.ProcedureName),
            new LabelledLine("Người nộp", d.Applicant.Name),
            new LabelledLine("Hẹn trả kết quả", d.DueAt is { } appointment ? Moment(appointment) : "—"),
            new Paragraph("Hồ sơ tiếp nhận trước khi áp dụng thời hạn cho từng bước: các bước được đối chiếu với thời hạn trả kết quả.", ParagraphAlignment.Left, true),
            new Table(["STT", "Bước", "Người thực hiện", "Nhận lúc", "Giao lúc", "Người nhận tiếp", "Kết quả", "Ghi chú"], rows, [0.5, 1.8, 1.4, 1.7, 1.7, 1.4, 1.1, 2.4]),
        ], null, [], null);
    }

    private static DateTime EventAt(Dossier d, FormKind kind, IReadOnlyList<DossierEvent> history) => kind switch
    {
        FormKind.Receipt or FormKind.ControlSheet => d.ReceivedAt ?? d.SubmittedAt,
        FormKind.SupplementRequest => history.Last(e => e.Action is "request-supplement" or "request-intake-supplement").At,
        FormKind.Refusal => history.Last(e => e.Action is "refuse" or "refuse-intake").At,
        FormKind.Apology => d.ApologyAt ?? d.SubmittedAt,
        FormKind.StopNotice => history.Last(e => e.Action == "stop").At,
        _ => d.SubmittedAt,
    };

    private static string FormNumber(string number, bool old) =>
        old ? $"Mẫu số {number} — Thông tư 01/2018/TT-VPCP" : $"Mẫu số {number} — Thông tư 03/2025/TT-VPCP";

    private static string Place(string provinceName) =>
        provinceName.Replace("Thành phố ", string.Empty, StringComparison.Ordinal).Replace("Tỉnh ", string.Empty, StringComparison.Ordinal);

    private static string Moment(DateTime at) => $"{at:HH} giờ {at:mm} phút, ngày {Date(at)}";

    private static string Date(DateTime at) => at.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Time(DateTime? at) => at?.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Channel(Channel channel) => channel switch
    {
        Dossiers.Channel.Online => "Trực tuyến",
        Dossiers.Channel.Postal => "Qua dịch vụ bưu chính công ích",
        _ => "Trực tiếp",
    };

    private static string ActionName(string action) => action switch
    {
        "receive" => "Tiếp nhận",
        "assign" => "Phân công thụ lý",
        "forward" => "Chuyển xử lý",
        "return-to-previous" => "Trả lại bước trước",
        "send-to-agency" => "Chuyển liên thông",
        "receive-from-agency" => "Nhận lại từ liên thông",
        "request-supplement" => "Yêu cầu bổ sung",
        "supplement" => "Nhận hồ sơ bổ sung",
        "submit" => "Trình phê duyệt",
        "approve" => "Phê duyệt",
        "refuse" => "Từ chối",
        "complete" => "Có kết quả",
        "return" => "Trả kết quả",
        "apologize" => "Xin lỗi, hẹn lại",
        "pay" => "Thu phí, lệ phí",
        "stop" => "Dừng xử lý",
        _ => action,
    };
}
