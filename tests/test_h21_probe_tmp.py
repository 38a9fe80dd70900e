import cProfile, pstats, time
import pytest
from django.test import Client
from tests.test_programme_dashboard import build_history, kabkota_codes

pytestmark = pytest.mark.django_db

def test_probe(cast):
    build_history(kabkota_codes())
    c = Client(); c.force_login(cast.pmu)
    for url in ("/program/nasional/", "/program/15.07/", "/monev/nasional/2027/"):
        c.get(url)
        t = time.perf_counter()
        for _ in range(200): c.get(url)
        print(url, (time.perf_counter() - t) / 200 * 1000, "ms")
    p = cProfile.Profile(); p.enable()
    for _ in range(200): c.get("/program/15.07/")
    p.disable()
    pstats.Stats(p).sort_stats("cumulative").print_stats(45)
