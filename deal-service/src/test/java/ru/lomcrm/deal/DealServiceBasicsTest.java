package ru.lomcrm.deal;

import ru.lomcrm.platform.testing.AxonServiceBasicsContract;
import ru.lomcrm.platform.testing.CrmServiceTest;

@CrmServiceTest(database = "crm_deal")
class DealServiceBasicsTest extends AxonServiceBasicsContract {

    @Override
    protected String apiPath() {
        return "/api/deals";
    }
}
