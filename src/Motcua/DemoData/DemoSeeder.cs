using System.Globalization;
using Motcua.Access.Contracts;
using Motcua.Access.ManageUsers;
using Motcua.Calendar;
using Motcua.Common;
using Motcua.Common.Tabular;
using Motcua.Organisation;
using Motcua.Organisation.Contracts;
using Motcua.Procedures;
using Motcua.Procedures.ImportProcedures;

namespace Motcua.DemoData;

/// <summary>
/// <c>motcua demo seed</c>: a realistic province after the 2025 reorganisation, so that a newcomer can
/// try everything. The province is modelled on Gia Lai (merged with Bình Định on 1 July 2025), with a
/// slice of its history: the former Tuy Phước district and some of its communes, merged into today's
/// communes. Codes are illustrative, not the official ones. Passwords are random and printed once.
/// </summary>
internal sealed class DemoSeeder(
    UnitAdministration units, UserAdministration users, CalendarAdministration calendar, IUnitDirectory directory, ProcedureImporter procedures, ProcedureCatalogue catalogue)
{
    private static readonly DateOnly Founded = new(2000, 1, 1);
    private static readonly DateOnly Reform = UnitKinds.DistrictsAbolished;

    private static readonly (string Code, string Name, DepartmentKind Kind)[] ProvincialDepartments =
    [
        ("VP", "Văn phòng UBND tỉnh", DepartmentKind.Agency),
        ("SNV", "Sở Nội vụ", DepartmentKind.Agency),
        ("STP", "Sở Tư pháp", DepartmentKind.Agency),
        ("STC", "Sở Tài chính", DepartmentKind.Agency),
        ("SXD", "Sở Xây dựng", DepartmentKind.Agency),
        ("SNNMT", "Sở Nông nghiệp và Môi trường", DepartmentKind.Agency),
        ("SYT", "Sở Y tế", DepartmentKind.Agency),
        ("SGDDT", "Sở Giáo dục và Đào tạo", DepartmentKind.Agency),
        ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", DepartmentKind.Agency),
        ("SKHCN", "Sở Khoa học và Công nghệ", DepartmentKind.Agency),
        ("SCT", "Sở Công Thương", DepartmentKind.Agency),
        ("TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh", DepartmentKind.ServiceCentre),
    ];

    private static readonly (string Code, string Name, UnitKind Kind)[] CurrentUnits =
    [
        ("21550", "Phường Quy Nhơn", UnitKind.Ward),
        ("21553", "Phường Quy Nhơn Đông", UnitKind.Ward),
        ("21556", "Phường Quy Nhơn Tây", UnitKind.Ward),
        ("21559", "Phường Quy Nhơn Nam", UnitKind.Ward),
        ("21562", "Phường Quy Nhơn Bắc", UnitKind.Ward),
        ("21601", "Phường An Nhơn", UnitKind.Ward),
        ("21604", "Phường An Nhơn Đông", UnitKind.Ward),
        ("21607", "Phường An Nhơn Nam", UnitKind.Ward),
        ("21610", "Phường An Nhơn Bắc", UnitKind.Ward),
        ("21613", "Xã An Nhơn Tây", UnitKind.Commune),
        ("21652", "Phường Hoài Nhơn", UnitKind.Ward),
        ("21655", "Phường Hoài Nhơn Bắc", UnitKind.Ward),
        ("21658", "Phường Hoài Nhơn Nam", UnitKind.Ward),
        ("21700", "Xã Phù Cát", UnitKind.Commune),
        ("21703", "Xã Phù Mỹ", UnitKind.Commune),
        ("21706", "Xã Tây Sơn", UnitKind.Commune),
        ("21709", "Xã Vân Canh", UnitKind.Commune),
        ("21712", "Xã Vĩnh Thạnh", UnitKind.Commune),
        ("21715", "Xã An Lão", UnitKind.Commune),
        ("21718", "Xã Hoài Ân", UnitKind.Commune),
        ("23800", "Phường Pleiku", UnitKind.Ward),
        ("23803", "Phường Hội Phú", UnitKind.Ward),
        ("23806", "Phường An Khê", UnitKind.Ward),
        ("23809", "Xã Chư Sê", UnitKind.Commune),
        ("23812", "Xã Ia Grai", UnitKind.Commune),
        ("23815", "Xã Đak Đoa", UnitKind.Commune),
    ];

    /// <summary>Today's Tuy Phước communes and the pre-2025 units they were formed from.</summary>
    private static readonly (string Code, string Name, (string Code, string Name, UnitKind Kind)[] Predecessors)[] MergedCommunes =
    [
        ("21760", "Xã Tuy Phước", [("21763", "Thị trấn Tuy Phước", UnitKind.Township), ("21766", "Xã Phước Lộc", UnitKind.Commune), ("21769", "Xã Phước Nghĩa", UnitKind.Commune)]),
        ("21772", "Xã Tuy Phước Đông", [("21775", "Xã Phước Sơn", UnitKind.Commune), ("21778", "Xã Phước Hòa", UnitKind.Commune), ("21781", "Xã Phước Thắng", UnitKind.Commune)]),
        ("21784", "Xã Tuy Phước Bắc", [("21787", "Thị trấn Diêu Trì", UnitKind.Township), ("21790", "Xã Phước An", UnitKind.Commune), ("21793", "Xã Phước Thành", UnitKind.Commune)]),
    ];

    private static readonly (string Code, string Name, DepartmentKind Kind)[] CommuneDepartments =
    [
        ("VP", "Văn phòng HĐND và UBND", DepartmentKind.Department),
        ("PKT", "Phòng Kinh tế", DepartmentKind.Department),
        ("PVHXH", "Phòng Văn hóa - Xã hội", DepartmentKind.Department),
        ("TTPVHCC", "Trung tâm Phục vụ hành chính công", DepartmentKind.ServiceCentre),
    ];

    public async Task SeedAsync(TextWriter output, CancellationToken cancellationToken = default)
    {
        if ((await directory.ListAsync(cancellationToken)).Count > 0)
        {
            throw new DomainException("The database already has units; demo seed only fills an empty database.");
        }

        const string province = "52";
        await units.CreateAsync(new NewUnit(province, "Tỉnh Gia Lai", UnitKind.Province, null, Founded), cancellationToken);
        await units.UpdateContactAsync(province, "Số 01 Trần Phú, phường Quy Nhơn, tỉnh Gia Lai", "0256 3822 000", "ubnd@gialai.gov.vn", cancellationToken);
        foreach (var (code, name, kind) in ProvincialDepartments)
        {
            await units.AddDepartmentAsync(province, code, name, kind, cancellationToken);
        }

        foreach (var (code, name, kind) in CurrentUnits)
        {
            await units.CreateAsync(new NewUnit(code, name, kind, province, Reform), cancellationToken);
            await AddCommuneDepartmentsAsync(code, cancellationToken);
        }

        // History: the district of Tuy Phước and its communes until 30/06/2025, merged on 1/7/2025.
        const string district = "540";
        await units.CreateAsync(new NewUnit(district, "Huyện Tuy Phước", UnitKind.District, province, Founded, Reform.AddDays(-1)), cancellationToken);
        foreach (var (code, name, predecessors) in MergedCommunes)
        {
            foreach (var old in predecessors)
            {
                await units.CreateAsync(new NewUnit(old.Code, old.Name, old.Kind, district, Founded, Reform.AddDays(-1)), cancellationToken);
            }

            var merged = await units.MergeAsync(
                [.. predecessors.Select(p => p.Code)], null, new NewUnit(code, name, UnitKind.Commune, province, Reform), Reform,
                "Nghị quyết 1664/NQ-UBTVQH15 ngày 16/6/2025 (sắp xếp ĐVHC cấp xã tỉnh Gia Lai)", cancellationToken);
            await AddCommuneDepartmentsAsync(merged.Code, cancellationToken);
        }

        await units.UpdateContactAsync("21760", "Thôn Trung Thứ, xã Tuy Phước, tỉnh Gia Lai", "0256 3833 111", null, cancellationToken);

        // A dated override of the kind administrators add every year.
        await calendar.AddAsync(null, new DateOnly(2026, 11, 24), OverrideKind.DayOff, "Ngày Văn hóa Việt Nam", "Dữ liệu mẫu: ngày nghỉ mới năm 2026, chờ luật hóa", cancellationToken);

        var catalogueSize = await SeedProceduresAsync(province, cancellationToken);

        var accounts = new List<(string UserName, string Password, string Role, string Unit)>();
        async Task AddUserAsync(string userName, string fullName, string unitCode, string jobTitle, params string[] roles)
        {
            var password = UserAdministration.GeneratePassword();
            await users.CreateAsync(new UserInput(userName, fullName, null, unitCode, jobTitle, roles), password, cancellationToken);
            accounts.Add((userName, password, string.Join("+", roles), unitCode));
        }

        await AddUserAsync("qt.tinh", "Nguyễn Văn Quản", province, "Chuyên viên Sở Nội vụ", Roles.UnitAdmin);
        await AddUserAsync("cchc.tinh", "Trần Thị Cải", province, "Chuyên viên phòng CCHC, Sở Nội vụ", Roles.ReformOfficer);
        await AddUserAsync("ld.tinh", "Lê Minh Lãnh", province, "Phó Chủ tịch UBND tỉnh", Roles.Leader);
        await AddUserAsync("tn.tinh", "Phạm Thu Nhận", province, "Cán bộ Trung tâm Phục vụ hành chính công tỉnh", Roles.ReceivingOfficer);
        foreach (var (code, slug) in new[] { ("21760", "tuyphuoc"), ("21550", "quynhon") })
        {
            await AddUserAsync($"qt.{slug}", "Võ Thị Hạnh", code, "Công chức Văn phòng HĐND và UBND", Roles.UnitAdmin);
            await AddUserAsync($"tn1.{slug}", "Đặng Văn Tiếp", code, "Công chức Trung tâm Phục vụ hành chính công", Roles.ReceivingOfficer);
            await AddUserAsync($"tn2.{slug}", "Huỳnh Thị Nhung", code, "Công chức Trung tâm Phục vụ hành chính công", Roles.ReceivingOfficer);
            await AddUserAsync($"cv1.{slug}", "Bùi Quốc Thụ", code, "Công chức Phòng Kinh tế", Roles.Specialist);
            await AddUserAsync($"cv2.{slug}", "Ngô Thị Lý", code, "Công chức Phòng Văn hóa - Xã hội", Roles.Specialist);
            await AddUserAsync($"ld.{slug}", "Đỗ Văn Duyệt", code, "Chủ tịch UBND", Roles.Leader);
            await AddUserAsync($"cchc.{slug}", "Mai Thị Cần", code, "Công chức Văn phòng (phụ trách CCHC)", Roles.ReformOfficer);
        }

        var unitCount = (await directory.ListAsync(cancellationToken)).Count;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Demo province seeded: {unitCount} units (including history), {catalogueSize} procedures, {accounts.Count} users."));
        await output.WriteLineAsync("These passwords are shown only now; sign in and change them under 'Tài khoản' (Account).");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"User name",-16} {"Password",-16} {"Role",-18} Unit");
        foreach (var (userName, password, role, unit) in accounts)
        {
            await output.WriteLineAsync($"{userName,-16} {password,-16} {role,-18} {unit}");
        }
    }

    /// <summary>
    /// The catalogue of real commune- and province-level procedures (DemoData/procedures.csv), each
    /// current commune and ward handling the commune ones through the department of its field.
    /// </summary>
    private async Task<int> SeedProceduresAsync(string province, CancellationToken cancellationToken)
    {
        await using (var stream = typeof(DemoSeeder).Assembly.GetManifestResourceStream("Motcua.DemoData.procedures.csv")
            ?? throw new InvalidOperationException("The demo catalogue is missing from the build."))
        {
            await procedures.ImportAsync(TabularFile.Read(stream, "procedures.csv"), cancellationToken);
        }

        var all = await catalogue.ListAsync(cancellationToken);
        var commune = all.Where(p => p.Level == ProcedureLevel.Commune).Select(p => (p.Code, (string?)CommuneDepartment(p.Field))).ToList();
        foreach (var (code, _, _) in CurrentUnits)
        {
            await catalogue.AssignAsync(code, commune, cancellationToken);
        }

        foreach (var (code, _, _) in MergedCommunes)
        {
            await catalogue.AssignAsync(code, commune, cancellationToken);
        }

        await catalogue.AssignAsync(province, [.. all.Where(p => p.Level == ProcedureLevel.Province).Select(p => (p.Code, (string?)null))], cancellationToken);
        return all.Count;
    }

    /// <summary>Civil status and certification sit with the office; land, construction and business with the economic department.</summary>
    private static string CommuneDepartment(string field) => field switch
    {
        _ when field.Contains("hộ tịch", StringComparison.OrdinalIgnoreCase) || field.Contains("chứng thực", StringComparison.OrdinalIgnoreCase) => "VP",
        _ when new[] { "đất", "xây dựng", "kinh doanh", "nông nghiệp", "môi trường", "thủy", "lâm" }.Any(k => field.Contains(k, StringComparison.OrdinalIgnoreCase)) => "PKT",
        _ => "PVHXH",
    };

    private async Task AddCommuneDepartmentsAsync(string unitCode, CancellationToken cancellationToken)
    {
        foreach (var (code, name, kind) in CommuneDepartments)
        {
            await units.AddDepartmentAsync(unitCode, code, name, kind, cancellationToken);
        }
    }
}
