"""Each process page links to the pages that produce its outputs (issue 19, dead ends)."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from tests.conftest import Cast
from tests.cycles.support import process


def _tools(client: Client, number: int) -> str:
    page = client.get(reverse("cycles:process", kwargs={"pk": process("15.07", number).pk}))
    assert page.status_code == 200
    html = page.content.decode()
    if 'data-testid="process-tools"' not in html:
        return ""
    start = html.index('data-testid="process-tools"')
    return html[start : html.index("</div>", start)]


def test_it_links_each_process_to_its_tools(cast: Cast) -> None:
    client = Client()
    client.force_login(cast.pokja_kabkota)
    expected = {
        1: [reverse("programme:pokja", args=["15.07"])],
        2: [reverse("profiles:kabkota", args=["15.07"]), reverse("ehra:kabkota", args=["15.07"]),
            reverse("maps:map", args=["15.07"])],
        3: [reverse("scenarios:kabkota", args=["15.07"]),
            reverse("documents:kabkota", args=["15.07"])],
        4: [reverse("mps:kabkota", args=["15.07"])],
        5: [reverse("consultation:kabkota", args=["15.07"])],
    }  # fmt: skip
    for number, urls in expected.items():
        tools = _tools(client, number)
        for url in urls:
            assert f'href="{url}"' in tools, (number, url)
        assert reverse("monev:kabkota", args=["15.07", 2026]) not in tools
    for url in (*expected[2], *expected[4]):  # every link opens for the Pokja
        assert client.get(url).status_code == 200, url


def test_it_opens_monev_on_the_plan_years_not_an_empty_current_year(cast: Cast) -> None:
    from tests.mps.support import plan_in

    client = Client()
    client.force_login(cast.pokja_kabkota)
    url = reverse("monev:kabkota_latest", args=["15.07"])
    plan = plan_in("15.07")
    assert client.get(url)["Location"] == reverse("monev:kabkota", args=["15.07", plan.first_year])
    from tests.monev.support import report_in

    report_in("15.07", plan.first_year + 2)
    assert client.get(url)["Location"].endswith(f"/{plan.first_year + 2}/")
