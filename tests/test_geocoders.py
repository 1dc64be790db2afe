import geopandas as gpd
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from geomap.geo.geocoders import FallbackGeocoder, GazetteerGeocoder, geocoder_for


def test_gazetteer_geocoder_follows_geopy_interface(settings, gazetteer):
    geo = GazetteerGeocoder(gazetteer, settings)
    assert isinstance(geo, Geocoder)
    loc = geo.geocode("Qala-i-Naw")
    assert isinstance(loc, Location)
    assert loc.raw["district_pcode"] == "AF3101" and loc.raw["kind"] == "city"
    assert 34.5 < loc.latitude < 35.5 and 62.5 < loc.longitude < 63.5
    assert geo.geocode("Herat province").raw["kind"] == "province"
    assert len(geo.geocode("Herat", exactly_one=False)) >= 2
    assert geo.geocode("Atlantis Zzz") is None


def test_reverse_gives_the_district(settings, gazetteer):
    loc = GazetteerGeocoder(gazetteer, settings).reverse((34.662, 61.066))
    assert loc.raw["district_pcode"] == "AF3213"


def test_geopandas_can_use_it(settings, gazetteer):
    frame = gpd.tools.geocode(
        ["Kunduz", "Shir Khan Bandar"], provider=GazetteerGeocoder, settings=settings
    )
    assert frame.crs.to_epsg() == 4326 and frame.geometry.notna().all()


def test_fallback_asks_the_next_geocoder_only_when_needed(settings, gazetteer):
    class Recorder(Geocoder):
        def __init__(self):
            super().__init__()
            self.asked = []

        def geocode(self, query, exactly_one=True, timeout=None):
            self.asked.append(query)
            return None

    online = Recorder()
    chain = FallbackGeocoder([GazetteerGeocoder(gazetteer, settings), online])
    assert chain.geocode("Kabul").raw["country"] == "AF"
    assert chain.geocode("Nowhere Qqq") is None
    assert online.asked == ["Nowhere Qqq"]


def test_default_geocoder_is_offline(settings):
    assert isinstance(geocoder_for(settings), GazetteerGeocoder)
