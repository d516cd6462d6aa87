using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Motcua.Access.Contracts;
using Motcua.Access.ManageUsers;

namespace Motcua.BrowserTests;

/// <summary>
/// The real application on Kestrel (a real port on 127.0.0.1) with an embedded SQLite database, and
/// Debian's Chromium driven by Playwright. Chromium is never downloaded: the tests use the system
/// browser (MOTCUA_CHROMIUM, default /usr/bin/chromium) that scripts/install-prerequisites.sh installs.
/// </summary>
public abstract class BrowserHostBase : IAsyncLifetime
{
    public const string AdminUserName = "quantri";
    public const string AdminPassword = "Quan-tri-2026!";

    private static readonly string[] ChromiumArguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "motcua-bt-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The application's clock: real time plus an offset a test may move forward (never back).</summary>
    public ShiftableClock Clock { get; } = new();

    /// <summary>Whether the first system administrator exists before the tests start.</summary>
    protected abstract bool CreatesAdministrator { get; }

    internal IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _app = MotcuaApp.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--Motcua:Database:Provider=Sqlite",
            $"--Motcua:Database:ConnectionString=Data Source={Path.Combine(_directory, "motcua.db")}",
            $"--Motcua:DataDirectory={_directory}",
            "--environment=Testing",
            "--Motcua:Access:SignIn:PermitsPerAddress=100000",
        ], replaceServices: services => services.AddSingleton<TimeProvider>(Clock));
        await MotcuaProgram.InitialiseAsync(_app.Services);
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');

        if (CreatesAdministrator)
        {
            await using var scope = _app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(
                new UserInput(AdminUserName, "Nguyễn Thị Quản Trị", null, null, "Chuyên viên CNTT", [Roles.SystemAdmin]), AdminPassword);
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MOTCUA_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>
    /// Moves the application's clock forward, when needed, to 09:00 of the next working day (Vietnam time),
    /// so that a dossier received now is received today: one received on a weekend, a holiday or after
    /// office hours is deemed received at the next opening, after "today" on a month-to-date dashboard.
    /// Earlier tests of the collection may have moved the clock onto a Sunday; CI runs at any hour.
    /// </summary>
    public async Task MoveToOfficeHoursAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var workingTime = scope.ServiceProvider.GetRequiredService<Motcua.Calendar.Contracts.IWorkingTime>();
        var now = Motcua.Common.VietnamTime.Now(Clock);
        if (now.Hour is >= 8 and < 16 && await workingTime.IsWorkingDayAsync(null, DateOnly.FromDateTime(now)))
        {
            return;
        }

        var day = DateOnly.FromDateTime(now).AddDays(1);
        while (!await workingTime.IsWorkingDayAsync(null, day))
        {
            day = day.AddDays(1);
        }

        Clock.Advance(day.ToDateTime(new TimeOnly(9, 0)) - now);
    }

    public const string StaffPassword = "Mot-cua-2026!";

    private readonly SemaphoreSlim _seedGate = new(1, 1);
    private bool _oneStopSeeded;

    /// <summary>
    /// A commune with a one-stop desk, a specialist and a leader (password <see cref="StaffPassword"/>), and
    /// three real procedures it handles (one with a fee). Idempotent: tests of the collection share it.
    /// </summary>
    public async Task SeedOneStopAsync()
    {
        await _seedGate.WaitAsync();
        try
        {
            if (_oneStopSeeded)
            {
                return;
            }

            await using var scope = Services.CreateAsyncScope();
            var units = scope.ServiceProvider.GetRequiredService<Motcua.Organisation.UnitAdministration>();
            await units.CreateAsync(new Motcua.Organisation.NewUnit("B52", "Tỉnh Gia Lai", Motcua.Organisation.Contracts.UnitKind.Province, null, new DateOnly(2000, 1, 1)));
            await units.CreateAsync(new Motcua.Organisation.NewUnit("B21760", "Xã Tuy Phước", Motcua.Organisation.Contracts.UnitKind.Commune, "B52", new DateOnly(2025, 7, 1)));
            // Dossiers are assigned only to a department of their unit, and only to its specialists.
            await units.AddDepartmentAsync("B21760", "VP", "Văn phòng HĐND và UBND", Motcua.Organisation.DepartmentKind.Department);
            await units.AddDepartmentAsync("B21760", "PKT", "Phòng Kinh tế", Motcua.Organisation.DepartmentKind.Department);
            var users = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            await users.CreateAsync(new UserInput("tiepnhan", "Đặng Văn Tiếp", null, "B21760", "Công chức Một cửa", [Roles.ReceivingOfficer]), StaffPassword);
            await users.CreateAsync(new UserInput("chuyenvien", "Bùi Quốc Thụ", null, "B21760", "Công chức Văn phòng", [Roles.Specialist]), StaffPassword);
            await users.CreateAsync(new UserInput("lanhdao", "Đỗ Văn Duyệt", null, "B21760", "Chủ tịch UBND xã", [Roles.Leader]), StaffPassword);
            const string Catalogue = "code,name,field,level,legalBasis,onlineLevel,postalIntake,postalReturn,variantCode,variantName,processingTime,timeUnit,fee,documentName,originals,copies\n"
                + "1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,commune,Luật Hộ tịch 2014,full,yes,yes,01,Đúng hạn,3,workingDays,0,Tờ khai đăng ký khai sinh,1,0\n"
                + "1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,commune,Luật Hộ tịch 2014,full,yes,yes,01,Đúng hạn,3,workingDays,0,Giấy chứng sinh,1,0\n"
                + "1.004873,Thủ tục cấp bản sao trích lục hộ tịch,Hộ tịch,commune,Luật Hộ tịch 2014,full,yes,yes,01,Cấp bản sao,1,workingDays,8000,Tờ khai cấp bản sao trích lục,1,0\n"
                + "2.001234,Cấp giấy phép xây dựng nhà ở riêng lẻ,Hoạt động xây dựng,commune,Luật Xây dựng 2014,partial,yes,yes,01,Cấp mới,15,calendarDays,75000,Đơn đề nghị cấp giấy phép,1,0\n";
            await using var csv = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Catalogue));
            await scope.ServiceProvider.GetRequiredService<Motcua.Procedures.ImportProcedures.ProcedureImporter>()
                .ImportAsync(Motcua.Common.Tabular.TabularFile.Read(csv, "catalogue.csv"));
            await scope.ServiceProvider.GetRequiredService<Motcua.Procedures.ProcedureCatalogue>().AssignAsync("B21760", [("1.001193", "VP"), ("1.004873", "VP"), ("2.001234", "PKT")]);
            _oneStopSeeded = true;
        }
        finally
        {
            _seedGate.Release();
        }
    }

    /// <summary>A page signed in as <paramref name="userName"/> in its own browser context.</summary>
    public async Task<IPage> SignedInAsAsync(string userName, string password = StaffPassword)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#UserName").FillAsync(userName);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("form.stack button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    /// <summary>A fresh browser context (own cookies) with a Vietnamese browser, as most users have.</summary>
    public async Task<IPage> NewPageAsync(string locale = "vi-VN")
    {
        var context = await (_browser ?? throw new InvalidOperationException("Not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInPageAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#UserName").FillAsync(AdminUserName);
        await page.Locator("#Password").FillAsync(AdminPassword);
        await page.Locator("form.stack button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    /// <summary>
    /// The browser first, then the application (its hosted services stopped before its database goes), then the
    /// throwaway folder. Nothing here fails the test class: a clean-up error is written to the error output.
    /// </summary>
    public async Task DisposeAsync()
    {
        try
        {
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }

            _playwright?.Dispose();
        }
        catch (Exception e) when (e is PlaywrightException or InvalidOperationException or IOException)
        {
            await Console.Error.WriteLineAsync($"[BrowserHost] closing the browser: {e.Message}");
        }

        _seedGate.Dispose();
        if (_app is not null)
        {
            try
            {
                using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _app.StopAsync(stopping.Token);
                await _app.DisposeAsync();
            }
            catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or AggregateException or ObjectDisposedException)
            {
                await Console.Error.WriteLineAsync($"[BrowserHost] stopping the application: {e.Message}");
            }
        }

        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
            await Console.Error.WriteLineAsync($"[BrowserHost] deleting {_directory}: {e.Message}");
        }
    }
}

/// <summary>
/// Real time moved forward by <see cref="Offset"/>: lets a browser test make a dossier late without waiting
/// days, while cookies issued by the application stay valid in the real browser (they expire later, not earlier).
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}

/// <summary>An installation with its first administrator, shared by the tests of one collection.</summary>
public sealed class BrowserHost : BrowserHostBase
{
    protected override bool CreatesAdministrator => true;
}

/// <summary>A brand-new installation: no administrator yet.</summary>
public sealed class FirstRunBrowserHost : BrowserHostBase
{
    protected override bool CreatesAdministrator => false;
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserHost>
{
    public const string Name = "browser";
}
