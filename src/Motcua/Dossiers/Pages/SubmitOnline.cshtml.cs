using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Motcua.Common;
using Motcua.Common.Localization;
using Motcua.Common.Web;
using Motcua.Dossiers.Lookup;
using Motcua.Organisation.Contracts;
using Motcua.Procedures.Contracts;

namespace Motcua.Dossiers.Pages;

/// <summary>
/// Online submission by a citizen without an account: the procedure (offered online by the unit), the
/// applicant, and a file for each document of the checklist. The dossier waits for the desk's
/// completeness check; the citizen leaves with the code and the lookup secret.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicDossierEndpoints.RateLimitPolicy)]
internal sealed class SubmitOnlineModel(DossierService dossiers, Files.DossierFileStore store, IProcedureCatalogue catalogue, IUnitDirectory units, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UnitCode { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? Choice { get; set; }

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

    public UnitSummary Unit { get; private set; } = null!;

    public IReadOnlyList<ProcedureChoice> Procedures { get; private set; } = [];

    public VariantChoice? Variant { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Variant is null)
        {
            ModelState.AddModelError(nameof(Choice), l["Choose the procedure."]);
            return Page();
        }

        var procedureCode = Choice!.Split('|')[0];
        var files = Variant.Checklist
            .Select((item, i) => (item.Name, File: Request.Form.Files.GetFile($"doc-{i}")))
            .Where(x => x.File is { Length: > 0 })
            .ToList();
        // Check every file before anything is created, so a bad file leaves no half-submitted dossier; the
        // content check's refusal says what is wrong with the file.
        foreach (var (name, file) in files)
        {
            if (file!.Length > Files.DossierFileStore.MaxBytes)
            {
                throw new DomainException("file", "{0}: only PDF, JPEG, PNG, DOCX and XLSX files of up to 20 MB are accepted.", name);
            }

            await InspectAsync(file);
        }

        var dossier = await dossiers.SubmitOnlineAsync(
            new NewDossier(Unit.Code, procedureCode, Variant.Code, Channel.Online, new Applicant(ApplicantName ?? string.Empty, Clean(IdentityNumber), Clean(Phone), Clean(Email), Clean(Address)), null, false),
            HttpContext.RequestAborted);
        foreach (var (name, file) in files)
        {
            await using var stream = file!.OpenReadStream();
            await dossiers.AttachAsApplicantAsync(dossier.Code, dossier.Secret, new Files.FileUpload(file.FileName, stream, file.Length, name, false), store, HttpContext.RequestAborted);
        }

        TempData["Message"] = l["Your dossier {0} was submitted. Keep the lookup secret {1}: you need it to follow the dossier.", dossier.Code, dossier.Secret].Value;
        return Redirect($"/tra-cuu?code={Uri.EscapeDataString(dossier.Code)}&secret={Uri.EscapeDataString(dossier.Secret)}");
    }

    /// <summary>The whole file passes the content check the store applies (so a bad file is refused before the dossier exists).</summary>
    private async Task InspectAsync(IFormFile file)
    {
        await using var content = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, HttpContext.RequestAborted);
        Files.DossierFileStore.Inspect(file.FileName, buffer.ToArray());
    }

    private async Task<bool> LoadAsync()
    {
        var unit = await units.FindByCodeAsync(UnitCode.Trim().ToUpperInvariant(), HttpContext.RequestAborted);
        if (unit is null)
        {
            return false;
        }

        Unit = unit;
        Procedures = [.. (await catalogue.ChoicesForUnitAsync(unit.Id, HttpContext.RequestAborted)).Where(p => p.OnlineLevel != "none")];
        var parts = Choice?.Split('|', 2);
        Variant = parts is [var p, var v] ? Procedures.FirstOrDefault(x => x.Code == p)?.Variants.FirstOrDefault(x => x.Code == v) : null;
        return true;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
