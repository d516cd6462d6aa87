using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Motcua.Access.Contracts;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Procedures.Contracts;

namespace Motcua.Dossiers.Pages;

/// <summary>Intake at the counter: choose the procedure, check the documents against its checklist, receive.</summary>
[Authorize(Roles = Roles.ReceivingOfficer)]
internal sealed class ReceiveModel(DossierService dossiers, IProcedureCatalogue catalogue, ICurrentUser user, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<ProcedureChoice> Procedures { get; private set; } = [];

    /// <summary>"procedureCode|variantCode".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Choice { get; set; }

    [BindProperty]
    public Channel Channel { get; set; } = Channel.Counter;

    [BindProperty]
    public string? ApplicantName { get; set; }

    [BindProperty]
    public string? IdentityNumber { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public List<string> Provided { get; set; } = [];

    [BindProperty]
    public List<string> Digitised { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public VariantChoice? Variant { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>The checklist of the chosen variant (htmx fragment).</summary>
    public async Task<IActionResult> OnGetChecklistAsync()
    {
        await LoadAsync();
        return Partial("_Checklist", this);
    }

    public Task<IActionResult> OnPostReceiveAsync() => SubmitAsync(receive: true);

    public Task<IActionResult> OnPostGuidanceAsync() => SubmitAsync(receive: false);

    private async Task<IActionResult> SubmitAsync(bool receive)
    {
        await LoadAsync();
        if (Variant is null)
        {
            ModelState.AddModelError(nameof(Choice), l["Choose the procedure."]);
            return Page();
        }

        var documents = Variant.Checklist.Select(c => new ProvidedDocument(c.Name, Provided.Contains(c.Name), Digitised.Contains(c.Name), false)).ToList();
        var (procedureCode, _) = Split(Choice);
        if (!receive && string.IsNullOrWhiteSpace(Reason))
        {
            throw new DomainException(nameof(Reason), "Give the reason.");
        }

        var dossier = await dossiers.SubmitAsync(
            new NewDossier(null, procedureCode, Variant.Code, Channel, new Applicant(ApplicantName ?? string.Empty, Clean(IdentityNumber), Clean(Phone), Clean(Email), Clean(Address)), documents, receive),
            HttpContext.RequestAborted);
        if (!receive)
        {
            await dossiers.ActAsync(dossier.Code, "request-intake-supplement", new ActionInput(Reason: Reason), HttpContext.RequestAborted);
        }

        TempData["Message"] = receive
            ? l["Dossier {0} was received. Print the receipt for the applicant.", dossier.Code].Value
            : l["Dossier {0} is waiting for documents. Print the supplement request for the applicant.", dossier.Code].Value;
        return Redirect($"/dossiers/{dossier.Code}");
    }

    private async Task LoadAsync()
    {
        Procedures = user.UnitId is { } unit ? await catalogue.ChoicesForUnitAsync(unit, HttpContext.RequestAborted) : [];
        var (procedureCode, variantCode) = Split(Choice);
        Variant = Procedures.FirstOrDefault(p => p.Code == procedureCode)?.Variants.FirstOrDefault(v => v.Code == variantCode);
    }

    private static (string Procedure, string? Variant) Split(string? choice) =>
        choice?.Split('|', 2) is [var p, var v] ? (p, v) : (choice ?? string.Empty, null);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
