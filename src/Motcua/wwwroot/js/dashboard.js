// The dashboard's charts and period picker. Progressive enhancement: without JavaScript every number,
// target and link is still on the page; only the trend lines and the hiding of unused fields are lost.
document.addEventListener("DOMContentLoaded", () => {
    const picker = document.getElementById("period-picker");
    if (picker) {
        const kind = picker.querySelector("select[name=kind]");
        const sync = () => picker.querySelectorAll("[data-kind]").forEach((field) => {
            field.hidden = !field.dataset.kind.split(" ").includes(kind.value);
        });
        kind.addEventListener("change", sync);
        sync();
    }

    if (typeof Chart === "undefined") {
        return;
    }

    document.querySelectorAll(".trend canvas[data-values]").forEach((canvas) => {
        const labels = JSON.parse(canvas.dataset.labels);
        const values = JSON.parse(canvas.dataset.values);
        const unit = canvas.dataset.unit || "";
        const datasets = [{ data: values, borderColor: "#0b4f9c", backgroundColor: "#0b4f9c", pointRadius: 2, spanGaps: true, tension: 0.2 }];
        if (canvas.dataset.target) {
            const target = Number(canvas.dataset.target);
            datasets.push({ data: labels.map(() => target), borderColor: "#8a5a00", borderDash: [4, 3], pointRadius: 0, borderWidth: 1 });
        }

        new Chart(canvas, {
            type: "line",
            data: { labels, datasets },
            options: {
                animation: false,
                responsive: true,
                maintainAspectRatio: false,
                plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => item.formattedValue + (unit ? " " + unit : "") } } },
                scales: { x: { ticks: { maxTicksLimit: 4, font: { size: 10 } } }, y: { ticks: { maxTicksLimit: 3, font: { size: 10 } }, suggestedMin: 0, suggestedMax: unit ? 100 : undefined } },
            },
        });
    });
});
