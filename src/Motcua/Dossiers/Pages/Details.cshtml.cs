using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;

namespace Motcua.Dossiers.Pages;

/// <summary>A dossier: its state, documents, history, and the actions the caller's role may take now.</summary>
internal sealed class DetailsModel(
    DossierService dossiers, Files.DossierFileStore store, Kiosk.KioskRatings kiosk, Portal.PortalSynchroniser portal, ICurrentUser user, TimeProvider time, IStringLocalizer<SharedResource> l,
    IUserDirectory people) : PageModel, IReloadsOnRefusal
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    public Dossier Dossier { get; private set; } = null!;

    public IReadOnlyList<DossierEvent> History { get; private set; } = [];

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public DateTime Now { get; private set; }

    /// <summary>The active specialists of the competent unit: the only people a dossier can be assigned or forwarded to.</summary>
    public IReadOnlyList<UserContact> Specialists { get; private set; } = [];

    public IReadOnlyList<Files.DossierFile> Files { get; private set; } = [];

    /// <summary>What the national portal acknowledged of this dossier; null before the first attempt.</summary>
    public Portal.PortalSync? PortalSync { get; private set; }

    public bool CanAttach => user.IsInRole(Roles.ReceivingOfficer) || user.IsInRole(Roles.Specialist) || user.IsInRole(Roles.Leader);

    /// <summary>After the return, the desk may show the dossier on its counter's rating tablet.</summary>
    public bool CanInviteRating => user.IsInRole(Roles.ReceivingOfficer) && Dossier.ReturnedAt is not null && Dossier.AwaitsRating;

    public async Task<IActionResult> OnPostInviteRatingAsync()
    {
        await kiosk.InviteAsync(Code, HttpContext.RequestAborted);
        TempData["Message"] = l["The applicant can now rate the dossier on the tablet at your counter."].Value;
        return Redirect($"/dossiers/{Code}");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? documentName, bool result)
    {
        if (file is null)
        {
            throw new DomainException("file", "Choose a file.");
        }

        await using var stream = file.OpenReadStream();
        await dossiers.AttachAsync(Code, new Files.FileUpload(file.FileName, stream, file.Length, result ? null : documentName, result), store, HttpContext.RequestAborted);
        TempData["Message"] = l["The file {0} was attached.", file.FileName].Value;
        return Redirect($"/dossiers/{Code}");
    }

    /// <summary>The forms that exist for the dossier now: (number in the URL, name).</summary>
    public IReadOnlyList<(string Number, string Name)> Forms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public Task ReloadAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync(
        string action, string? reason, string? note, string? departmentCode, string? specialist, string? agency, string? newDueAt,
        bool electronicResult, bool digitisedResult, Channel? channel, long? amount, int version)
    {
        DateTime? due = null;
        if (!string.IsNullOrWhiteSpace(newDueAt))
        {
            due = DateTime.TryParseExact(newDueAt, "yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw new DomainException("newDueAt", "Give the new appointment.");
        }

        await dossiers.ActAsync(Code, action, new ActionInput(reason, note, departmentCode, specialist, agency, due, electronicResult, digitisedResult, channel, amount, false, null, version), HttpContext.RequestAborted);
        TempData["Message"] = l["Done: {0}.", l["action:" + action]].Value;
        return Redirect($"/dossiers/{Code}");
    }

    private async Task LoadAsync()
    {
        Dossier = await dossiers.FindAsync(Code.Trim().ToUpperInvariant(), HttpContext.RequestAborted);
        Code = Dossier.Code;
        History = await dossiers.HistoryAsync(Dossier.Id, HttpContext.RequestAborted);
        Files = await store.ListAsync(Dossier.Id, HttpContext.RequestAborted);
        PortalSync = await portal.StateAsync(Dossier.Id, HttpContext.RequestAborted);
        Actions = [.. Dossier.AvailableActions().Where(a => DossierPermissions.Allows(a, user.IsInRole))];
        Now = VietnamTime.Now(time);
        if (Actions.Contains("assign") || Actions.Contains("forward"))
        {
            Specialists = await people.InUnitAsync(Dossier.UnitId, Roles.Specialist, HttpContext.RequestAborted);
        }

        (string, Dossiers.Forms.FormKind, string)[] all =
        [
            ("01", Dossiers.Forms.FormKind.Receipt, l["Receipt and appointment"]), ("02", Dossiers.Forms.FormKind.SupplementRequest, l["Supplement request"]),
            ("03", Dossiers.Forms.FormKind.Refusal, l["Refusal notice"]), ("04", Dossiers.Forms.FormKind.Apology, l["Apology and new appointment"]),
            ("05", Dossiers.Forms.FormKind.StopNotice, l["Stop notice"]), ("06", Dossiers.Forms.FormKind.ControlSheet, l["Process control sheet"]),
        ];
        Forms = [.. all.Where(f => Dossiers.Forms.DossierForms.Applies(Dossier, f.Item2, History)).Select(f => (f.Item1, f.Item3))];
    }
}
