using Microsoft.Playwright;

namespace Motcua.BrowserTests;

/// <summary>
/// The Content-Security-Policy (ADR 0021) in a real browser: the main pages run under it without a single
/// violation, and what their scripts do still works (htmx's checklist and badge, the charts, the pickers).
/// Violations are caught twice: Chromium's console ("Refused to …", "Content Security Policy") and the
/// <c>securitypolicyviolation</c> event, recorded by a script Playwright adds outside the page's policy.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserHost host)
{
    private const string RecordViolations =
        "document.addEventListener('securitypolicyviolation', e => window.__reportCspViolation(location.pathname + ': ' + e.violatedDirective + ' ' + e.blockedURI));";

    [Fact]
    public async Task The_policy_is_enforced_an_inline_script_added_to_a_page_does_not_run()
    {
        var (page, violations) = await WatchedAsync(await host.NewPageAsync());
        await page.GotoAsync("/tra-cuu");

        var ran = await page.EvaluateAsync<bool>(
            "() => { const s = document.createElement('script'); s.textContent = 'window.__inlineRan = true;'; document.head.appendChild(s); return window.__inlineRan === true; }");
        for (var attempt = 0; attempt < 50 && Violations(violations).Count < 2; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.False(ran, "An inline script ran: the Content-Security-Policy is not enforced.");
        // Chromium's wording changed ("Refused to execute inline script …" became "Executing inline script violates …").
        Assert.Contains(Violations(violations), v => v.StartsWith("console ", StringComparison.Ordinal) && v.Contains("inline script", StringComparison.Ordinal));
        Assert.Contains(Violations(violations), v => v.Contains("script-src", StringComparison.Ordinal) && v.Contains("inline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_citizens_pages_run_without_violations_and_the_procedure_picker_reloads_the_form()
    {
        await host.SeedOneStopAsync();
        var (citizen, violations) = await WatchedAsync(await host.NewPageAsync());

        await citizen.GotoAsync("/tra-cuu");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await citizen.GotoAsync("/tra-cuu?code=B21760-NOPE&secret=wrong");
        await citizen.GotoAsync("/thu-tuc/B21760");

        // The online form's procedure picker submits itself on change (site.js, no onchange attribute).
        await citizen.GotoAsync("/nop-truc-tuyen/B21760");
        await citizen.Locator("select[name=Choice]").SelectOptionAsync(new SelectOptionValue { Value = "1.001193|01" });
        await citizen.WaitForURLAsync(url => url.Contains("Choice=1.001193", StringComparison.Ordinal));
        await Assertions.Expect(citizen.GetByLabel("Họ và tên")).ToBeVisibleAsync();

        await AssertNoViolationsAsync(citizen, violations);
    }

    [Fact]
    public async Task The_desk_receives_a_dossier_through_htmx_without_violations()
    {
        await host.SeedOneStopAsync();
        await host.MoveToOfficeHoursAsync();
        var (desk, violations) = await WatchedAsync(await host.SignedInAsAsync("tiepnhan"));

        // htmx (allowEval off) loads the header's notification badge and the receive page's checklist.
        var badge = await desk.RunAndWaitForResponseAsync(() => desk.GotoAsync("/"), response => response.Url.Contains("handler=Count", StringComparison.Ordinal));
        Assert.True(badge.Ok, "htmx did not load the notification badge.");
        await desk.GotoAsync("/dossiers/new");
        await desk.GetByLabel("Thủ tục hành chính").SelectOptionAsync(new SelectOptionValue { Value = "1.004873|01" });
        await Assertions.Expect(desk.Locator("#checklist")).ToContainTextAsync("Tờ khai cấp bản sao trích lục");
        await desk.GetByLabel("Họ và tên").FillAsync("Lê Thị Chính Sách");
        await desk.GetByRole(AriaRole.Checkbox, new() { Name = "Đã nộp: Tờ khai cấp bản sao trích lục", Exact = true }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Tiếp nhận và hẹn trả kết quả" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã tiếp nhận hồ sơ");

        // The dossier's page and the inbox.
        await Assertions.Expect(desk.Locator("dl.facts")).ToContainTextAsync("Đã tiếp nhận");
        await desk.GotoAsync("/dossiers");
        await Assertions.Expect(desk.Locator("#dossiers")).ToContainTextAsync("Lê Thị Chính Sách");
        await desk.GotoAsync("/thong-bao");

        await AssertNoViolationsAsync(desk, violations);
    }

    [Fact]
    public async Task The_dashboard_draws_its_charts_and_the_plans_and_admin_pages_run_without_violations()
    {
        await host.SeedOneStopAsync();
        var (leader, violations) = await WatchedAsync(await host.SignedInAsAsync("lanhdao"));

        // The cards appear once the background job has learnt the seeded commune's place in the unit tree.
        await leader.GotoAsync("/chi-so");
        var canvases = leader.Locator(".trend canvas[data-values]");
        for (var attempt = 0; attempt < 40 && await canvases.CountAsync() == 0; attempt++)
        {
            await Task.Delay(500);
            await leader.ReloadAsync();
        }

        await Assertions.Expect(canvases.First).ToBeAttachedAsync();
        var charted = await leader.EvaluateAsync<bool>(
            "() => typeof Chart !== 'undefined' && [...document.querySelectorAll('.trend canvas[data-values]')].every(c => Chart.getChart(c) !== undefined)");
        Assert.True(charted, "The dashboard's trend charts were not drawn.");

        // The period picker shows only the fields of the chosen kind (dashboard.js).
        await leader.Locator("#period-picker select[name=kind]").SelectOptionAsync("quarter");
        await Assertions.Expect(leader.Locator("#period-picker label[data-kind=quarter]")).ToBeVisibleAsync();
        await Assertions.Expect(leader.Locator("#period-picker label[data-kind=month]")).ToBeHiddenAsync();

        await leader.GotoAsync("/ke-hoach");
        await leader.GotoAsync("/ke-hoach/bang-nhiem-vu");
        await leader.GotoAsync("/ke-hoach/lich");
        await AssertNoViolationsAsync(leader, violations);

        var (admin, adminViolations) = await WatchedAsync(await host.SignedInPageAsync());
        foreach (var url in new[] { "/admin/calendar", "/calendar", "/admin/users", "/admin/units", "/account" })
        {
            await admin.GotoAsync(url);
            await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        }

        await AssertNoViolationsAsync(admin, adminViolations);
    }

    [Fact]
    public async Task The_api_reference_renders_under_its_own_policy()
    {
        var (page, violations) = await WatchedAsync(await host.NewPageAsync());

        await page.GotoAsync("/scalar/v1");

        await Assertions.Expect(page.GetByText("Motcua API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("a[href*='/api/v1/units']").First).ToBeAttachedAsync(new() { Timeout = 30_000 });
        await AssertNoViolationsAsync(page, violations);
    }

    /// <summary>
    /// Records the CSP violations of every page the context opens, from the console and from the violation event
    /// (reported through a Playwright binding, which works whatever the page's policy).
    /// </summary>
    private static async Task<(IPage Page, List<string> Violations)> WatchedAsync(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                lock (violations)
                {
                    violations.Add("console " + message.Text);
                }
            }
        };
        await page.Context.ExposeFunctionAsync("__reportCspViolation", (string violation) =>
        {
            lock (violations)
            {
                violations.Add("event " + violation);
            }
        });
        await page.Context.AddInitScriptAsync(RecordViolations);
        return (page, violations);
    }

    private static List<string> Violations(List<string> violations)
    {
        lock (violations)
        {
            return [.. violations];
        }
    }

    /// <summary>Lets late reports (they arrive asynchronously) come in before the list is read.</summary>
    private static async Task AssertNoViolationsAsync(IPage page, List<string> violations)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Task.Delay(300);
        var found = Violations(violations);
        Assert.True(found.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", found));
    }
}
