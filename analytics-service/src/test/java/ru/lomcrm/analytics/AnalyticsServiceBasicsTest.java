package ru.lomcrm.analytics;

import ru.lomcrm.platform.testing.ServiceBasicsContract;
import ru.lomcrm.platform.testing.CrmServiceTest;

@CrmServiceTest(database = "crm_analytics")
class AnalyticsServiceBasicsTest extends ServiceBasicsContract {

    @Override
    protected String apiPath() {
        return "/api/analytics/summary";
    }
}
